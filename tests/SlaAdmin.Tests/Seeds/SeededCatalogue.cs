using Microsoft.EntityFrameworkCore;
using SlaAdmin.Data;
using SlaAdmin.Data.Entities;
using SlaAdmin.Data.Seeds;
using SlaAdmin.Features.Agreements;
using SlaAdmin.Tests.TestSupport;

namespace SlaAdmin.Tests.Seeds;

/// <summary>The five seeds loaded once, each version read back whole the way pages read it.</summary>
public sealed class SeededCatalogue : IAsyncLifetime
{
    public TestDatabase Database { get; } = new();

    private Dictionary<string, AgreementVersion> _versions = [];

    public async Task InitializeAsync()
    {
        await Database.SeedAsync();
        await using var db = Database.CreateDbContext();
        var versions = await AgreementStore.WithEverything(db.AgreementVersions)
            .Include(v => v.Agreement).ThenInclude(a => a.EService).ThenInclude(s => s.Provider)
            .Include(v => v.Agreement).ThenInclude(a => a.EService).ThenInclude(s => s.Recipients)
            .ToListAsync();
        _versions = versions.ToDictionary(v => v.Agreement.EService.Title);
    }

    /// <summary>The stored version of the service with this catalogue title.</summary>
    public AgreementVersion Version(string serviceTitle) => _versions[serviceTitle];

    public Task DisposeAsync()
    {
        Database.Dispose();
        return Task.CompletedTask;
    }
}

internal static class SeedAssert
{
    public static IReadOnlyList<Obligation> Side(this AgreementVersion v, ObligationSide side) =>
        v.Obligations.Where(o => o.Side == side).OrderBy(o => o.Order).ToList();

    public static string Body(this AgreementVersion v, SectionKind kind) => v.Sections.Single(s => s.Kind == kind).Body;

    /// <summary>The order of obligations on each side runs 1..n with no gap, as the source lists them.</summary>
    public static void OrdersAreSequential(AgreementVersion v)
    {
        foreach (var side in Enum.GetValues<ObligationSide>())
        {
            var orders = v.Side(side).Select(o => o.Order).ToList();
            Assert.Equal(Enumerable.Range(1, orders.Count), orders);
        }
    }
}
