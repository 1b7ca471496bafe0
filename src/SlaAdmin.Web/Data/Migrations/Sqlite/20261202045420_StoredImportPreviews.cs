using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SlaAdmin.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StoredImportPreviews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ImportPreviews",
                columns: table => new
                {
                    Token = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserKey = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    AgreementId = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Model = table.Column<string>(type: "TEXT", nullable: false),
                    Preview = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportPreviews", x => x.Token);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ImportPreviews_ExpiresAt",
                table: "ImportPreviews",
                column: "ExpiresAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ImportPreviews");
        }
    }
}
