using Microsoft.EntityFrameworkCore;
using SlaAdmin.Data;
using SlaAdmin.Data.Entities;

namespace SlaAdmin.Features.Agreements;

/// <summary>An agreement's working version in progress, for the «a draft is in progress» notice.</summary>
public sealed record WorkingVersionInfo(int Number, AgreementStatus Status, DateTimeOffset UpdatedAt, string? UpdatedBy);

/// <summary>One version in an agreement's list of versions: its number, status, validity and last change or publication.</summary>
public sealed record VersionSummary(int Number, AgreementStatus Status, DateOnly? ValidUntil, DateTimeOffset UpdatedAt, DateTimeOffset? PublishedAt);

/// <summary>
/// One version of an agreement as a page shows it: the version with all its parts, the catalogue entry
/// it belongs to, whether it is the version in force, and the working version beside it.
/// </summary>
public sealed record AgreementView(AgreementVersion Version, int ServiceId, string CatalogueTitle, IReadOnlyList<string> RecipientGroups, int? InForceNumber, WorkingVersionInfo? Working)
{
    public bool IsInForce => InForceNumber == Version.Number;
    public AgreementContent Content { get; } = AgreementContent.Of(Version);
}

/// <summary>
/// Loads agreement versions for pages and workbooks. Readers see the version in force; an agreement
/// never published shows its working version (marked as such by its status).
/// </summary>
public sealed class AgreementStore(IDbContextFactory<SlaDbContext> dbFactory)
{
    /// <summary>
    /// The version readers see (<paramref name="number"/> null), or the numbered one, with all its parts,
    /// untracked; null when the agreement or version does not exist.
    /// </summary>
    public async Task<AgreementView?> LoadAsync(int agreementId, int? number = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var agreement = await db.Agreements.AsNoTracking()
            .Where(a => a.Id == agreementId)
            .Select(a => new
            {
                a.EServiceId,
                a.EService.Title,
                Recipients = a.EService.Recipients.OrderBy(r => r.Name).Select(r => r.Name).ToList(),
                ReadingId = a.InForceVersionId ?? a.WorkingVersionId,
                InForce = a.InForceVersion == null ? (int?)null : a.InForceVersion.Number,
                Working = a.WorkingVersion == null ? null : new WorkingVersionInfo(a.WorkingVersion.Number, a.WorkingVersion.Status, a.WorkingVersion.UpdatedAt, a.WorkingVersion.UpdatedBy),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (agreement is null) return null;

        var versions = WithEverything(db.AgreementVersions).Where(v => v.AgreementId == agreementId);
        var version = await (number is { } n ? versions.Where(v => v.Number == n) : versions.Where(v => v.Id == agreement.ReadingId))
            .FirstOrDefaultAsync(cancellationToken);
        return version is null ? null : new AgreementView(version, agreement.EServiceId, agreement.Title, agreement.Recipients, agreement.InForce, agreement.Working);
    }

    /// <summary>Every version of the agreement, oldest first (empty when there is no such agreement).</summary>
    public async Task<IReadOnlyList<VersionSummary>> VersionsAsync(int agreementId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.AgreementVersions.AsNoTracking()
            .Where(v => v.AgreementId == agreementId)
            .OrderBy(v => v.Number)
            .Select(v => new VersionSummary(v.Number, v.Status, v.ValidUntil, v.UpdatedAt, v.PublishedAt))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The version each agreement's readers see: the one in force, or the working one of an agreement never published.</summary>
    public static IQueryable<AgreementVersion> ReadingVersions(SlaDbContext db) =>
        db.AgreementVersions.AsNoTracking()
            .Where(v => v.Id == (v.Agreement.InForceVersionId ?? v.Agreement.WorkingVersionId));

    /// <summary>All parts of a version, for reading.</summary>
    public static IQueryable<AgreementVersion> WithEverything(IQueryable<AgreementVersion> versions) =>
        versions.AsNoTracking().AsSplitQuery()
            .Include(v => v.Sections)
            .Include(v => v.Obligations)
            .Include(v => v.DataRows)
            .Include(v => v.Fees)
            .Include(v => v.PaymentMechanisms)
            .Include(v => v.LegalReferences)
            .Include(v => v.Definitions)
            .Include(v => v.AppendixItems);
}
