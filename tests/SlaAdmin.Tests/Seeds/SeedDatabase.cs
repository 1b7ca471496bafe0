using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SlaAdmin.Data;
using SlaAdmin.Data.Entities;
using SlaAdmin.Data.Seeds;
using SlaAdmin.Features.Agreements;

namespace SlaAdmin.Tests.Seeds;

/// <summary>A real SQLite database in memory (the connection stays open), migrated, with the real interceptor.</summary>
public sealed class SeedDatabase : IDisposable
{
    private readonly SqliteConnection _connection = new("DataSource=:memory:");
    private readonly SlaSaveChangesInterceptor _interceptor = new(TimeProvider.System);

    public SeedDatabase()
    {
        _connection.Open();
        using var db = CreateContext();
        db.Database.Migrate();
    }

    public SlaDbContext CreateContext() =>
        new SqliteSlaDbContext(new DbContextOptionsBuilder<SlaDbContext>().UseSqlite(_connection).AddInterceptors(_interceptor).Options);

    public async Task SeedAsync()
    {
        await using var db = CreateContext();
        await SeedCatalogue.EnsureSeededAsync(db, CancellationToken.None);
    }

    public void Dispose() => _connection.Dispose();
}

/// <summary>The five seeds loaded once, each version read back whole the way pages read it.</summary>
public sealed class SeededCatalogue : IAsyncLifetime
{
    public SeedDatabase Database { get; } = new();

    private Dictionary<string, AgreementVersion> _versions = [];

    public async Task InitializeAsync()
    {
        await Database.SeedAsync();
        await using var db = Database.CreateContext();
        var versions = await AgreementStore.WithEverything(db.AgreementVersions).ToListAsync();
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
