using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SlaAdmin.Data.Migrations.Sqlite
{
    /// <summary>
    /// The FTS5 trigram index of the catalogue's search text, and the obligation counts of the versions
    /// already stored. A migration of its own because SQLite migrations rebuild altered tables last, which
    /// would drop the triggers made beside CatalogueAtScale's Title change (EF warns of SQL run before a rebuild).
    /// </summary>
    public partial class CatalogueAtScaleSearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SlaSaveChangesInterceptor.FillObligationCounts);
            migrationBuilder.Sql(SearchIndex.CreateSqlite);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SearchIndex.DropSqlite);
        }
    }
}
