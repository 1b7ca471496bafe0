using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SlaAdmin.Data.Entities;
using SlaAdmin.Persian;

namespace SlaAdmin.Data;

/// <summary>
/// The cross-cutting writes, in one place: Persian normalisation of every stored text, the folded
/// search columns, and the agreement version's concurrency stamp and time of change. Who changed it is set by
/// the feature service, which knows the signed-in user.
/// </summary>
internal sealed class SlaSaveChangesInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context) Apply(context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context) Apply(context);
        return ValueTask.FromResult(result);
    }

    private void Apply(DbContext context)
    {
        var touchedVersions = new HashSet<int>();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified)) continue;
            if (entry.Entity.GetType().Namespace != typeof(EService).Namespace) continue;

            foreach (var property in entry.Properties)
            {
                if (property.Metadata.ClrType != typeof(string) || property.Metadata.Name is nameof(PaymentMechanism.Iban) or nameof(EService.SearchText)) continue;
                if (property.CurrentValue is string text)
                {
                    var normalized = PersianText.Normalize(text);
                    if (normalized != text) property.CurrentValue = normalized;
                }
            }

            switch (entry.Entity)
            {
                case EService s:
                    s.SearchText = PersianText.Fold($"{s.Title} {s.NationalId} {s.RecipientsDescription}");
                    break;
                case Organization o:
                    o.SearchText = PersianText.Fold(o.Name);
                    break;
                case AgreementVersion v:
                    Touch(v);
                    break;
            }

            if (entry.Metadata.FindProperty(nameof(Obligation.AgreementVersionId)) is { } fk
                && entry.Property(fk.Name).CurrentValue is int versionId and > 0)
            {
                touchedVersions.Add(versionId);
            }
        }

        // A change to any part of a version renews the version's stamp, so two people saving the
        // same agreement conflict even when they edited different clauses.
        foreach (var version in context.ChangeTracker.Entries<AgreementVersion>())
        {
            if (version.State == EntityState.Unchanged && touchedVersions.Contains(version.Entity.Id))
            {
                Touch(version.Entity);
            }
        }
    }

    private void Touch(AgreementVersion version)
    {
        version.ConcurrencyStamp = Guid.NewGuid();
        version.UpdatedAt = clock.GetUtcNow();
    }
}
