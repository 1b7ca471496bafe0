using SlaAdmin.Benchmarks;

namespace SlaAdmin.IntegrationTests.Catalogue;

/// <summary>A small run of the catalogue benchmark, so CI proves it works; no timing is asserted.</summary>
public sealed class CatalogueBenchmarkTests
{
    [Fact]
    public async Task The_catalogue_benchmark_runs_on_both_databases_and_the_app_returns_what_hand_written_sql_returns()
    {
        var postgres = Environment.GetEnvironmentVariable("SLAADMIN_TEST_POSTGRES")
            ?? throw new InvalidOperationException("SLAADMIN_TEST_POSTGRES is not set: run the tests with tests/run.sh, which starts a PostgreSQL server.");
        var folder = Directory.CreateTempSubdirectory("slaadmin-bench-");
        try
        {
            // Each search is checked against the hand-written SQL before it is timed: a different count or page throws.
            var results = await CatalogueSearchBenchmark.RunAsync([300], folder.FullName, postgres, rounds: 1, _ => { });

            Assert.Equal(["SQLite", "PostgreSQL"], results.Select(r => r.Provider));
            Assert.All(results, r =>
            {
                Assert.Equal(300, r.Services);
                Assert.Equal(CatalogueSearchBenchmark.Terms.Length, r.Queries);
                Assert.True(r.GenerateSeconds > 0);
                Assert.All([r.Search, r.HandSearch, r.FirstPage, r.HandFirstPage], p => Assert.True(p.P50 > 0 && p.P50 <= p.P95 && p.P95 <= p.P99));
            });
            Assert.Contains("| PostgreSQL | 300 |", CatalogueSearchBenchmark.Markdown(results), StringComparison.Ordinal);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }
}
