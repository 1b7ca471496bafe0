using System.Net;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SlaAdmin.Data;

namespace SlaAdmin.IntegrationTests.PostgreSql;

/// <summary>
/// First start on a PostgreSQL server whose database does not exist yet. Needs the throwaway server
/// that tests/run.sh starts (SLAADMIN_TEST_POSTGRES); without it these tests fail.
/// </summary>
public sealed class DatabaseCreationTests : IAsyncLifetime
{
    private readonly string _database = $"slaadmin_new_{Guid.NewGuid():N}";
    private readonly string _account = $"slaadmin_nocreate_{Guid.NewGuid():N}";
    private readonly List<string> _created = [];
    private string _serverConnection = "";

    public async Task InitializeAsync()
    {
        _serverConnection = System.Environment.GetEnvironmentVariable("SLAADMIN_TEST_POSTGRES")
            ?? throw new InvalidOperationException("SLAADMIN_TEST_POSTGRES is not set: run the tests with tests/run.sh, which starts a PostgreSQL server.");
        await ExecuteAsync($"CREATE ROLE \"{_account}\" LOGIN NOCREATEDB");
    }

    [Fact]
    public async Task The_app_creates_its_database_on_first_start_when_the_account_may()
    {
        Assert.False(await ExistsAsync());
        using var app = new SlaAppFactory { DatabaseProvider = "PostgreSql", ConnectionString = ConnectionTo(_database) };

        var ready = await app.CreateClient(role: null).GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.True(await ExistsAsync());
    }

    /// <summary>
    /// Instances of a deployment start together on a database that does not exist yet: one creates it,
    /// the others must go on (PostgreSQL tells the losers either «already exists» or a unique violation on
    /// pg_database, depending on the moment). Five rounds, a new database each, four instances each.
    /// </summary>
    [Fact]
    public async Task Instances_starting_together_on_a_missing_database_all_go_on()
    {
        for (var round = 0; round < 5; round++)
        {
            var database = $"{_database}_{round}";
            _created.Add(database);
            var instances = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
            {
                await using var db = new PostgreSqlSlaDbContext(new DbContextOptionsBuilder<SlaDbContext>().UseNpgsql(ConnectionTo(database)).Options);
                await PostgreSqlDatabase.EnsureExistsAsync(db, CancellationToken.None);
            }));

            await Task.WhenAll(instances);

            Assert.True(await ExistsAsync(database));
        }
    }

    [Fact]
    public void Without_the_right_to_create_it_the_app_stops_saying_what_to_create()
    {
        using var app = new SlaAppFactory { DatabaseProvider = "PostgreSql", ConnectionString = ConnectionTo(_database, _account) };

        var failure = Assert.ThrowsAny<Exception>(() => app.Server);
        var message = Unwrap(failure).Message;

        Assert.Contains($"CREATE DATABASE \"{_database}\" OWNER \"{_account}\"", message, StringComparison.Ordinal);
        Assert.Contains("اجازهٔ ساختن آن را ندارد", message, StringComparison.Ordinal);
    }

    private static Exception Unwrap(Exception e)
    {
        for (var x = e; x is not null; x = x.InnerException)
        {
            if (x is InvalidOperationException && x.Message.Contains("CREATE DATABASE", StringComparison.Ordinal)) return x;
        }
        return e;
    }

    private string ConnectionTo(string database, string? account = null)
    {
        var builder = new NpgsqlConnectionStringBuilder(_serverConnection) { Database = database };
        if (account is not null) builder.Username = account;
        return builder.ConnectionString;
    }

    private Task<bool> ExistsAsync() => ExistsAsync(_database);

    private async Task<bool> ExistsAsync(string database)
    {
        await using var connection = new NpgsqlConnection(_serverConnection);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = @name", connection);
        query.Parameters.AddWithValue("name", database);
        return (long)(await query.ExecuteScalarAsync())! > 0;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_serverConnection);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        foreach (var database in _created.Append(_database)) await ExecuteAsync($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
        await ExecuteAsync($"DROP ROLE IF EXISTS \"{_account}\"");
    }
}
