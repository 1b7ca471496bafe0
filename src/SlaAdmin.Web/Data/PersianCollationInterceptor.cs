using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SlaAdmin.Persian;

namespace SlaAdmin.Data;

/// <summary>
/// Gives every SQLite connection the <see cref="PersianCollation"/> that the title and name columns are
/// declared with, before it opens (SQLite keeps no collation in the file; a connection without it cannot
/// even insert a title). PostgreSQL has its ICU collation from the migration, so nothing happens there.
/// </summary>
internal sealed class PersianCollationInterceptor : DbConnectionInterceptor
{
    public static PersianCollationInterceptor Instance { get; } = new();

    public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Register(connection);
        return result;
    }

    public override ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        Register(connection);
        return ValueTask.FromResult(result);
    }

    /// <summary>For connections opened outside EF (tests' in-memory databases, benchmarks' hand-written SQL).</summary>
    public static void Register(DbConnection connection)
    {
        // A closed connection keeps the collation and registers it each time it opens.
        if (connection is SqliteConnection sqlite) sqlite.CreateCollation(PersianCollation.Name, PersianCollation.Compare);
    }
}
