using Microsoft.EntityFrameworkCore;
using SlaAdmin.Data.Entities;

namespace SlaAdmin.Data;

/// <summary>
/// Substring search over the folded <see cref="EService.SearchText"/>, answered from a trigram index the
/// database provides: on SQLite the FTS5 table <c>ServiceSearch</c> (tokenize='trigram', an external-content
/// index of Services kept by triggers), on PostgreSQL a GIN pg_trgm index (see SlaDbContext). A term shorter
/// than a trigram cannot use either index, so it is a scan: the same answer, read row by row.
/// </summary>
public static class SearchIndex
{
    public const int TrigramLength = 3;

    /// <summary>The ids of the services whose search text contains <paramref name="folded"/> (already folded).</summary>
    public static IQueryable<int> Matching(SlaDbContext db, string folded)
    {
        if (folded.EnumerateRunes().Count() < TrigramLength)
        {
            return db.Services.Where(s => s.SearchText.Contains(folded)).Select(s => s.Id);
        }
        if (db.Database.IsSqlite())
        {
            // A quoted FTS5 string is one phrase: consecutive trigrams, that is the substring itself.
            var phrase = "\"" + folded.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            return db.Database.SqlQuery<int>($"SELECT rowid AS \"Value\" FROM \"ServiceSearch\" WHERE \"ServiceSearch\" MATCH {phrase}");
        }
        var pattern = "%" + folded.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
        return db.Services.Where(s => EF.Functions.Like(s.SearchText, pattern, "\\")).Select(s => s.Id);
    }

    /// <summary>
    /// Creates and fills the SQLite index (migration CatalogueAtScaleSearchIndex). A later migration that rebuilds the
    /// Services table (SQLite's way of altering a column) drops the triggers with it and must run this again
    /// after <see cref="DropSqlite"/>; the search tests of every write path would notice.
    /// </summary>
    public const string CreateSqlite = """
        CREATE VIRTUAL TABLE "ServiceSearch" USING fts5("SearchText", content='Services', content_rowid='Id', tokenize='trigram');
        INSERT INTO "ServiceSearch"("ServiceSearch") VALUES ('rebuild');
        CREATE TRIGGER "Services_SearchInsert" AFTER INSERT ON "Services" BEGIN
            INSERT INTO "ServiceSearch"(rowid, "SearchText") VALUES (new."Id", new."SearchText");
        END;
        CREATE TRIGGER "Services_SearchDelete" AFTER DELETE ON "Services" BEGIN
            INSERT INTO "ServiceSearch"("ServiceSearch", rowid, "SearchText") VALUES ('delete', old."Id", old."SearchText");
        END;
        CREATE TRIGGER "Services_SearchUpdate" AFTER UPDATE OF "SearchText" ON "Services" BEGIN
            INSERT INTO "ServiceSearch"("ServiceSearch", rowid, "SearchText") VALUES ('delete', old."Id", old."SearchText");
            INSERT INTO "ServiceSearch"(rowid, "SearchText") VALUES (new."Id", new."SearchText");
        END;
        """;

    public const string DropSqlite = """
        DROP TRIGGER IF EXISTS "Services_SearchInsert";
        DROP TRIGGER IF EXISTS "Services_SearchDelete";
        DROP TRIGGER IF EXISTS "Services_SearchUpdate";
        DROP TABLE IF EXISTS "ServiceSearch";
        """;
}
