using Microsoft.EntityFrameworkCore;
using SlaAdmin.Data;
using SlaAdmin.Features.Catalogue;
using SlaAdmin.Persian;

namespace SlaAdmin.Features.Home;

public sealed record HomeCounts(int Services, int Agreements, int Expiring, int Expired);

/// <summary>The home page's counts, each one query; the two about validity are the catalogue's own filters, so each card's number is the rows its link shows.</summary>
public sealed class HomeStats(IDbContextFactory<SlaDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>«Expiring soon» means within this many days; the catalogue link uses the same number.</summary>
    public const int ExpiringDays = 90;

    public async Task<HomeCounts> CountAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var today = TehranTime.Today(clock);
        var services = await db.Services.CountAsync(cancellationToken);
        var agreements = await db.Agreements.CountAsync(cancellationToken);
        // The same filter as the catalogue's ?expiring=90, so the card's number is the rows its link shows.
        var expiring = await new CatalogueFilter(ExpiringWithinDays: ExpiringDays)
            .Services(db, today)
            .CountAsync(cancellationToken);
        var expired = await new CatalogueFilter(Expired: true).Services(db, today).CountAsync(cancellationToken);
        return new HomeCounts(services, agreements, expiring, expired);
    }
}
