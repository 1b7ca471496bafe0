using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;
using SlaAdmin.Data;

namespace SlaAdmin.IntegrationTests.Migrations;

/// <summary>
/// A throwaway database of one provider, created empty, for walking the migrations up and down:
/// a temp SQLite file, or a database on the PostgreSQL server that tests/run.sh starts.
/// </summary>
internal sealed class OldShapeDatabase : IAsyncDisposable
{
    /// <summary>The migration before the agreement model: the shape the old app wrote.</summary>
    public const string Previous = "UniqueServiceTitle";

    private readonly Func<DbContextOptionsBuilder<SlaDbContext>, DbContextOptionsBuilder<SlaDbContext>> _use;
    private readonly Func<DbContextOptions<SlaDbContext>, SlaDbContext> _context;
    private readonly Func<ValueTask> _drop;

    private OldShapeDatabase(
        bool isPostgreSql,
        Func<DbContextOptionsBuilder<SlaDbContext>, DbContextOptionsBuilder<SlaDbContext>> use,
        Func<DbContextOptions<SlaDbContext>, SlaDbContext> context,
        Func<ValueTask> drop)
    {
        IsPostgreSql = isPostgreSql;
        _use = use;
        _context = context;
        _drop = drop;
    }

    public bool IsPostgreSql { get; }

    /// <summary>A boolean literal as this provider's SQL writes it (SQLite stores booleans as 0 and 1).</summary>
    public string Bool(bool value) => IsPostgreSql ? (value ? "TRUE" : "FALSE") : (value ? "1" : "0");

    public static OldShapeDatabase Sqlite()
    {
        var path = Path.Combine(Path.GetTempPath(), $"slaadmin-upgrade-{Guid.NewGuid():N}.db");
        return new OldShapeDatabase(
            isPostgreSql: false,
            o => o.UseSqlite($"Data Source={path}"),
            options => new SqliteSlaDbContext(options),
            () =>
            {
                SqliteConnection.ClearAllPools();
                File.Delete(path);
                return ValueTask.CompletedTask;
            });
    }

    public static async Task<OldShapeDatabase> PostgreSqlAsync()
    {
        var server = Environment.GetEnvironmentVariable("SLAADMIN_TEST_POSTGRES")
            ?? throw new InvalidOperationException("SLAADMIN_TEST_POSTGRES is not set: run the tests with tests/run.sh, which starts a PostgreSQL server.");
        var name = $"slaadmin_upgrade_{Guid.NewGuid():N}";
        await Execute(server, $"CREATE DATABASE \"{name}\"");
        var connection = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        return new OldShapeDatabase(
            isPostgreSql: true,
            o => o.UseNpgsql(connection),
            options => new PostgreSqlSlaDbContext(options),
            async () =>
            {
                NpgsqlConnection.ClearAllPools();
                await Execute(server, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
            });
    }

    /// <summary>A context of the app's model on this database, with the app's save interceptor.</summary>
    public SlaDbContext CreateContext() =>
        _context(_use(new DbContextOptionsBuilder<SlaDbContext>()).AddInterceptors(new SlaSaveChangesInterceptor(TimeProvider.System)).Options);

    /// <summary>Migrates up or down to <paramref name="migration"/> (a name), or to the latest when null.</summary>
    public async Task MigrateToAsync(string? migration)
    {
        await using var db = CreateContext();
        await db.GetService<IMigrator>().MigrateAsync(migration);
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var db = CreateContext();
        await db.Database.ExecuteSqlRawAsync(sql);
    }

    /// <summary>The first column of every row of <paramref name="sql"/>, as text (null for NULL).</summary>
    public async Task<List<string?>> ColumnAsync(string sql)
    {
        await using var db = CreateContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using DbDataReader reader = await command.ExecuteReaderAsync();
        var values = new List<string?>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.IsDBNull(0) ? null : Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture));
        }
        return values;
    }

    private static async Task Execute(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public ValueTask DisposeAsync() => _drop();
}
