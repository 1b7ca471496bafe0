using Microsoft.Data.Sqlite;

namespace SlaAdmin.Data;

/// <summary>
/// <c>SlaAdmin.Web check-sqlite FILE</c>: SQLite's integrity check of a database file, run with the app's
/// collations. The sqlite3 shell cannot check this database: the title and name indexes are ordered by
/// the «persian» collation, which lives in the app, not in the file (decision 0009). The backup and
/// restore scripts call it.
/// </summary>
internal static class SqliteIntegrity
{
    public const string Verb = "check-sqlite";

    /// <summary>Prints what the check finds; 0 when the file is sound, 1 when it is not, 2 when there is no such file.</summary>
    public static async Task<int> CheckAsync(string file)
    {
        if (!File.Exists(file))
        {
            await Console.Error.WriteLineAsync($"no database file at {file}");
            return 2;
        }
        var findings = new List<string>();
        try
        {
            await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            PersianCollationInterceptor.Register(connection);
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA integrity_check";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) findings.Add(reader.GetString(0));
        }
        catch (SqliteException damaged)
        {
            // A file too damaged to check at all ("database disk image is malformed").
            findings.Add(damaged.Message);
        }
        Console.WriteLine(string.Join(Environment.NewLine, findings));
        return findings is ["ok"] ? 0 : 1;
    }
}
