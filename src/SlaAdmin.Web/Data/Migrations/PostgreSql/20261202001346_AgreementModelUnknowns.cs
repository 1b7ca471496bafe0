using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SlaAdmin.Data.Migrations.PostgreSql
{
    /// <summary>
    /// The data half of AgreementModel: values the old model could not leave unknown become NULL. It is a
    /// migration of its own because SQLite makes a column nullable by rebuilding its table, and EF runs
    /// those rebuilds after every other statement of the migration; so no statement of AgreementModel
    /// can store a NULL there. PostgreSQL carries the same step to keep the two migration sets in step.
    /// </summary>
    public partial class AgreementModelUnknowns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The old card could not say "unknown" and stored no type as None.
            migrationBuilder.Sql("""UPDATE "Services" SET "Types" = NULL WHERE "Types" = 'None';""");

            // The old importer stored an empty «رایگان» cell as false: without a fee or a payment, that
            // false says nothing, so it becomes unknown.
            migrationBuilder.Sql("""
                UPDATE "AgreementVersions" SET "IsFree" = NULL
                WHERE "IsFree" = FALSE
                  AND NOT EXISTS (SELECT 1 FROM "Fees" AS f WHERE f."AgreementVersionId" = "AgreementVersions"."Id")
                  AND NOT EXISTS (SELECT 1 FROM "PaymentMechanisms" AS p WHERE p."AgreementVersionId" = "AgreementVersions"."Id");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Nothing to undo: AgreementModel's shape allows these NULLs, and its Down turns them back.
        }
    }
}
