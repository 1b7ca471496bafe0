using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SlaAdmin.Data.Migrations.Sqlite
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

            migrationBuilder.AlterColumn<string>(
                name: "Title",
                table: "Services",
                type: "TEXT",
                maxLength: 400,
                nullable: false,
                collation: "persian",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 400);

            migrationBuilder.AlterColumn<string>(
                name: "Name",
                table: "Organizations",
                type: "TEXT",
                maxLength: 300,
                nullable: false,
                collation: "persian",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 300);

            migrationBuilder.AddColumn<int>(
                name: "ObligationCount",
                table: "AgreementVersions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_Services_RetiredAt_Title",
                table: "Services",
                columns: new[] { "RetiredAt", "Title" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Services_RetiredAt_Title",
                table: "Services");

            migrationBuilder.DropColumn(
                name: "ObligationCount",
                table: "AgreementVersions");

            migrationBuilder.AlterColumn<string>(
                name: "Title",
                table: "Services",
                type: "TEXT",
                maxLength: 400,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 400,
                oldCollation: "persian");

            migrationBuilder.AlterColumn<string>(
                name: "Name",
                table: "Organizations",
                type: "TEXT",
                maxLength: 300,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 300,
                oldCollation: "persian");

            migrationBuilder.CreateIndex(
                name: "IX_Services_SearchText",
                table: "Services",
                column: "SearchText");
        }
    }
}
