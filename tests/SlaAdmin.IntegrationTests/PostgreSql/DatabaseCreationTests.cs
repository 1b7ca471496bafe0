using System.Net;
using Npgsql;

namespace SlaAdmin.IntegrationTests.PostgreSql;

/// <summary>
/// First start on a PostgreSQL server whose database does not exist yet. Needs the throwaway server
/// that tests/run.sh starts (SLAADMIN_TEST_POSTGRES); without it these tests fail.
/// </summary>
public sealed class DatabaseCreationTests : IAsyncLifetime
{
    private readonly string _database = $"slaadmin_new_{Guid.NewGuid():N}";
    private readonly string _account = $"slaadmin_nocreate_{Guid.NewGuid():N}";
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

    private async Task<bool> ExistsAsync()
    {
        await using var connection = new NpgsqlConnection(_serverConnection);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = @name", connection);
        query.Parameters.AddWithValue("name", _database);
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
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)");
        await ExecuteAsync($"DROP ROLE IF EXISTS \"{_account}\"");
    }
}
