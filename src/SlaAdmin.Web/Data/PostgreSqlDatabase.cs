using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;

namespace SlaAdmin.Data;

/// <summary>
/// On first start against a PostgreSQL server the database may not exist yet, and the startup lock
/// needs a connection to it. Creates it through the <c>postgres</c> maintenance database when the
/// account may; otherwise stops with a message that says what the operator must create.
/// </summary>
internal static partial class PostgreSqlDatabase
{
    private const string InvalidCatalogName = "3D000";
    private const string DuplicateDatabase = "42P04";
    private const string UniqueViolation = "23505";

    public static async Task EnsureExistsAsync(SlaDbContext db, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql()) return;
        var target = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString());
        try
        {
            await using var probe = new NpgsqlConnection(target.ConnectionString);
            await probe.OpenAsync(cancellationToken);
            return;
        }
        catch (PostgresException ex) when (ex.SqlState == InvalidCatalogName)
        {
            // Not there yet: create it below.
        }

        var maintenance = new NpgsqlConnectionStringBuilder(target.ConnectionString) { Database = "postgres", Pooling = false };
        try
        {
            await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var create = new NpgsqlCommand($"CREATE DATABASE {Quote(target.Database!)} ENCODING 'UTF8'", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException ex) when (CreatedByAnother(ex))
        {
            // Another instance created it a moment ago.
        }
        catch (Exception ex) when (ex is PostgresException or NpgsqlException)
        {
            var failure = new InvalidOperationException(
                $"پایگاه دادهٔ «{target.Database}» روی سرور PostgreSQL نیست و حساب «{target.Username}» اجازهٔ ساختن آن را ندارد. " +
                $"The PostgreSQL database \"{target.Database}\" does not exist and the account \"{target.Username}\" cannot create it ({ex.Message}). " +
                $"Ask the database administrator to run: CREATE DATABASE {Quote(target.Database!)} OWNER {Quote(target.Username ?? "<account>")} ENCODING 'UTF8'; then start the app again.",
                ex);
            // In the log too (JSON outside Development), where the operator's collector looks; the
            // exception then stops the process with the same words.
            LogCannotCreate(db.GetService<ILoggerFactory>().CreateLogger(typeof(PostgreSqlDatabase).FullName!), failure.Message);
            throw failure;
        }
    }

    /// <summary>
    /// Another instance's CREATE DATABASE won: said as «already exists» when it had committed, or as a
    /// unique violation on the catalog's name index when both were inserting the name at once.
    /// </summary>
    private static bool CreatedByAnother(PostgresException ex) =>
        ex.SqlState == DuplicateDatabase || (ex.SqlState == UniqueViolation && ex.ConstraintName == "pg_database_datname_index");

    [LoggerMessage(Level = LogLevel.Critical, Message = "{Problem}")]
    private static partial void LogCannotCreate(ILogger logger, string problem);

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
