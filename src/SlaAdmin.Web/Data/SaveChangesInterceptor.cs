using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SlaAdmin.Data.Entities;
using SlaAdmin.Persian;

namespace SlaAdmin.Data;

/// <summary>
/// The cross-cutting writes, in one place: Persian normalisation of every stored text, the folded
/// search columns, the concurrency stamps and times of change of services and agreement versions, and
/// the guard that refuses any change to a published or superseded version (<see cref="FrozenVersionException"/>).
/// Who changed it is set by the feature service, which knows the signed-in user.
/// </summary>
internal sealed class SlaSaveChangesInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    /// <summary>Counts the obligations of the versions already stored (migration CatalogueAtScale; on SQLite CatalogueAtScaleSearchIndex, after the table rebuilds); the interceptor keeps them after.</summary>
    public const string FillObligationCounts = """
        UPDATE "AgreementVersions" SET "ObligationCount" =
            (SELECT COUNT(*) FROM "Obligations" WHERE "Obligations"."AgreementVersionId" = "AgreementVersions"."Id");
        """;

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context)
        {
            var (untracked, obligations) = Apply(context);
            foreach (var versionId in untracked)
            {
                var version = context.Set<AgreementVersion>().Find(versionId);
                RefuseFrozen(context, version);
                TouchUntracked(context, version);
            }
            Count(context, obligations);
        }
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            var (untracked, obligations) = Apply(context);
            foreach (var versionId in untracked)
            {
                var version = await context.Set<AgreementVersion>().FindAsync([versionId], cancellationToken);
                RefuseFrozen(context, version);
                TouchUntracked(context, version);
            }
            Count(context, obligations);
        }
        return result;
    }

    /// <summary>
    /// Normalises and stamps what is tracked; returns the versions whose parts changed but which are not
    /// loaded, and by how much each version's obligation count changes (keyed by the version's key, temporary for a new version).
    /// </summary>
    private (List<int> Untracked, Dictionary<int, int> Obligations) Apply(DbContext context)
    {
        var touchedVersions = new HashSet<int>();
        var obligations = new Dictionary<int, int>();
        foreach (var entry in context.ChangeTracker.Entries().ToList())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            if (entry.Entity.GetType().Namespace != typeof(EService).Namespace) continue;
            // History is only ever added to. A discarded draft takes its own review steps with it; its discarding stays in the history.
            if ((entry.Entity is ChangeRecord or ObligationCheck && entry.State != EntityState.Added) || (entry.Entity is VersionTransition && entry.State == EntityState.Modified))
                throw new InvalidOperationException("سابقه تغییرها فقط افزوده می‌شود و هیچ ردیف آن تغییر نمی‌کند یا پاک نمی‌شود.");

            if (entry.Entity is AgreementVersion changed) RefuseFrozen(entry, changed);
            if (entry.Entity is VersionPart part && part.AgreementVersionId > 0)
            {
                touchedVersions.Add(part.AgreementVersionId);
            }
            if (entry.Entity is Obligation)
            {
                var owner = entry.Property(nameof(VersionPart.AgreementVersionId));
                if (entry.State != EntityState.Added) obligations[(int)owner.OriginalValue!] = obligations.GetValueOrDefault((int)owner.OriginalValue!) - 1;
                if (entry.State != EntityState.Deleted) obligations[(int)owner.CurrentValue!] = obligations.GetValueOrDefault((int)owner.CurrentValue!) + 1;
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
                    s.SearchText = FitColumn(entry, PersianText.Fold($"{s.Title} {s.NationalId} {s.ProviderUnit}"));
                    if (entry.State == EntityState.Modified || entry.State == EntityState.Added) Touch(entry);
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
            else if (version.State == EntityState.Unchanged)
            {
                RefuseFrozen(version, version.Entity);
                Touch(version);
            }
        }
        return (untracked, obligations);
    }

    /// <summary>
    /// Keeps <see cref="AgreementVersion.ObligationCount"/> right: every obligation added, removed or moved
    /// goes through here, and the versions they belong to are tracked by now (loaded above if they were not).
    /// A version deleted with its obligations needs no count.
    /// </summary>
    private static void Count(DbContext context, Dictionary<int, int> obligations)
    {
        if (obligations.Count == 0) return;
        var versions = context.ChangeTracker.Entries<AgreementVersion>().Where(v => v.State != EntityState.Deleted)
            .ToDictionary(v => v.Property(x => x.Id).CurrentValue);
        foreach (var (versionId, change) in obligations)
        {
            if (change != 0 && versions.TryGetValue(versionId, out var version)) version.Property(x => x.ObligationCount).CurrentValue += change;
        }
    }

    /// <summary>
    /// A published or superseded version never changes, nor do its parts. The one change allowed is
    /// the publication step itself: a version in force becoming superseded.
    /// </summary>
    private static void RefuseFrozen(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry, AgreementVersion version)
    {
        if (entry.State == EntityState.Added) return;
        var was = (AgreementStatus)entry.Property(nameof(AgreementVersion.Status)).OriginalValue!;
        if (!AgreementVersion.IsFrozenStatus(was)) return;
        var supersedes = entry.State == EntityState.Modified && was == AgreementStatus.Published && version.Status == AgreementStatus.Superseded
            && entry.Properties.Where(p => p.IsModified).All(p => p.Metadata.Name is nameof(AgreementVersion.Status) or nameof(AgreementVersion.ConcurrencyStamp) or nameof(AgreementVersion.UpdatedAt) or nameof(AgreementVersion.UpdatedBy));
        if (entry.State == EntityState.Unchanged || !supersedes) throw new FrozenVersionException(version.Number);
    }

    private static void RefuseFrozen(DbContext context, AgreementVersion? version)
    {
        if (version is not null) RefuseFrozen(context.Entry(version), version);
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
