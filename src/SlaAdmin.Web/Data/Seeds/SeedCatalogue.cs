using Microsoft.EntityFrameworkCore;

namespace SlaAdmin.Data.Seeds;

/// <summary>Loads the five seed agreements into an empty catalogue, once.</summary>
internal static class SeedCatalogue
{
    public static async Task EnsureSeededAsync(SlaDbContext db, CancellationToken cancellationToken)
    {
        if (await db.Services.AnyAsync(cancellationToken)) return;
        // The seed files and their loader come next (Data/Seeds/*.json).
    }
}
