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
        if (eventData.Context is { } context)
        {
            foreach (var versionId in Apply(context)) TouchUntracked(context, context.Set<AgreementVersion>().Find(versionId));
        }
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            foreach (var versionId in Apply(context)) TouchUntracked(context, await context.Set<AgreementVersion>().FindAsync([versionId], cancellationToken));
        }
        return result;
    }

    /// <summary>Normalises and stamps what is tracked; returns the versions whose parts changed but which are not loaded.</summary>
    private List<int> Apply(DbContext context)
    {
        var touchedVersions = new HashSet<int>();
        foreach (var entry in context.ChangeTracker.Entries().ToList())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            if (entry.Entity.GetType().Namespace != typeof(EService).Namespace) continue;

            if (entry.Metadata.FindProperty(nameof(Obligation.AgreementVersionId)) is { } fk
                && entry.Property(fk.Name).CurrentValue is int versionId and > 0)
            {
                touchedVersions.Add(versionId);
            }
            if (entry.State == EntityState.Deleted) continue;

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
                    s.SearchText = FitColumn(entry, PersianText.Fold($"{s.Title} {s.NationalId} {s.RecipientsDescription}"));
                    break;
                case Organization o:
                    o.SearchText = FitColumn(entry, PersianText.Fold(o.Name));
                    break;
                case AgreementVersion:
                    Touch(entry);
                    touchedVersions.Remove(((AgreementVersion)entry.Entity).Id);
                    break;
            }
        }

        // A change to any part of a version renews the version's stamp, so two people saving the
        // same agreement conflict even when they edited different clauses, or only deleted one.
        var untracked = new List<int>();
        foreach (var versionId in touchedVersions)
        {
            var version = context.ChangeTracker.Entries<AgreementVersion>().FirstOrDefault(v => v.Entity.Id == versionId);
            if (version is null) untracked.Add(versionId);
            else if (version.State == EntityState.Unchanged) Touch(version);
        }
        return untracked;
    }

    // The search column is bounded (PostgreSQL enforces it); the title comes first, so a long
    // recipients description loses only its tail from search, and the save never fails on it.
    private static string FitColumn(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry, string folded) =>
        entry.Property(nameof(EService.SearchText)).Metadata.GetMaxLength() is { } max && folded.Length > max ? folded[..max] : folded;

    private void TouchUntracked(DbContext context, AgreementVersion? version)
    {
        if (version is not null) Touch(context.Entry(version));
    }

    private void Touch(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry version)
    {
        version.Property(nameof(AgreementVersion.ConcurrencyStamp)).CurrentValue = Guid.NewGuid();
        version.Property(nameof(AgreementVersion.UpdatedAt)).CurrentValue = clock.GetUtcNow();
    }
}
