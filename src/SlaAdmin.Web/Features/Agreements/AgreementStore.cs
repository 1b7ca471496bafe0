using Microsoft.EntityFrameworkCore;
using SlaAdmin.Data;
using SlaAdmin.Data.Entities;

namespace SlaAdmin.Features.Agreements;

/// <summary>Loads whole agreement versions (every section and part) for pages and workbooks.</summary>
public sealed class AgreementStore(IDbContextFactory<SlaDbContext> dbFactory)
{
    /// <summary>The current (highest-numbered) version of an agreement with all its parts, untracked; null when absent.</summary>
    public async Task<AgreementVersion?> LoadCurrentAsync(int agreementId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await WithEverything(db.AgreementVersions)
            .Where(v => v.AgreementId == agreementId)
            .OrderByDescending(v => v.Number)
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The current version of every agreement (its highest-numbered one), untracked, for reports over all agreements.</summary>
    public static IQueryable<AgreementVersion> CurrentVersions(SlaDbContext db) =>
        db.AgreementVersions.AsNoTracking()
            .Where(v => v.Number == db.AgreementVersions.Where(x => x.AgreementId == v.AgreementId).Max(x => x.Number));

    /// <summary>All parts of a version, for reading.</summary>
    public static IQueryable<AgreementVersion> WithEverything(IQueryable<AgreementVersion> versions) =>
        versions.AsNoTracking().AsSplitQuery()
            .Include(v => v.Agreement).ThenInclude(a => a.EService).ThenInclude(s => s.Provider)
            .Include(v => v.Agreement).ThenInclude(a => a.EService).ThenInclude(s => s.Recipients)
            .Include(v => v.Sections)
            .Include(v => v.Obligations)
            .Include(v => v.DataRows)
            .Include(v => v.Fees)
            .Include(v => v.PaymentMechanisms).ThenInclude(p => p.AccountOwner)
            .Include(v => v.LegalReferences)
            .Include(v => v.Definitions)
            .Include(v => v.AppendixItems);
}
