using Npgsql;

namespace SlaAdmin.IntegrationTests.Agreements;

/// <summary>The app on a fresh database of either provider: a temp SQLite file, or a new database on the PostgreSQL server tests/run.sh starts.</summary>
internal static class TestDatabases
{
    public const string Sqlite = "Sqlite";
    public const string PostgreSql = "PostgreSql";

    public static async Task<SlaAppFactory> StartAsync(string provider)
    {
        if (provider == Sqlite) return new SlaAppFactory();
        var admin = Environment.GetEnvironmentVariable("SLAADMIN_TEST_POSTGRES")
            ?? throw new InvalidOperationException("SLAADMIN_TEST_POSTGRES is not set: run the tests with tests/run.sh, which starts a PostgreSQL server.");
        var database = $"slaadmin_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        return new SlaAppFactory { DatabaseProvider = PostgreSql, ConnectionString = new NpgsqlConnectionStringBuilder(admin) { Database = database }.ConnectionString };
    }
}
