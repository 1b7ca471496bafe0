using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SlaAdmin.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class CatalogueAtScale : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Services_SearchText",
                table: "Services");

            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:CollationDefinition:persian", "fa-IR,fa-IR,icu,True")
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.AlterColumn<string>(
                name: "Title",
                table: "Services",
                type: "character varying(400)",
                maxLength: 400,
                nullable: false,
                collation: "persian",
                oldClrType: typeof(string),
                oldType: "character varying(400)",
                oldMaxLength: 400);

            migrationBuilder.AlterColumn<string>(
                name: "Name",
                table: "Organizations",
                type: "character varying(300)",
                maxLength: 300,
                nullable: false,
                collation: "persian",
                oldClrType: typeof(string),
                oldType: "character varying(300)",
                oldMaxLength: 300);

            migrationBuilder.AddColumn<int>(
                name: "ObligationCount",
                table: "AgreementVersions",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.Sql(SlaSaveChangesInterceptor.FillObligationCounts);

            migrationBuilder.CreateIndex(
                name: "IX_Services_RetiredAt_Title",
                table: "Services",
                columns: new[] { "RetiredAt", "Title" });

            migrationBuilder.CreateIndex(
                name: "IX_Services_SearchText",
                table: "Services",
                column: "SearchText")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Services_RetiredAt_Title",
                table: "Services");

            migrationBuilder.DropIndex(
                name: "IX_Services_SearchText",
                table: "Services");

            migrationBuilder.DropColumn(
                name: "ObligationCount",
                table: "AgreementVersions");

            migrationBuilder.AlterColumn<string>(
                name: "Title",
                table: "Services",
                type: "character varying(400)",
                maxLength: 400,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(400)",
                oldMaxLength: 400,
                oldCollation: "persian");

            migrationBuilder.AlterColumn<string>(
                name: "Name",
                table: "Organizations",
                type: "character varying(300)",
                maxLength: 300,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(300)",
                oldMaxLength: 300,
                oldCollation: "persian");

            // The collation goes once no column uses it (moved after the columns by hand).
            migrationBuilder.AlterDatabase()
                .OldAnnotation("Npgsql:CollationDefinition:persian", "fa-IR,fa-IR,icu,True")
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.CreateIndex(
                name: "IX_Services_SearchText",
                table: "Services",
                column: "SearchText");
        }
    }
}
