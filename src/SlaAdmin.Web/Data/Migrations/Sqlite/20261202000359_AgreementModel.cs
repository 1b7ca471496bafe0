using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SlaAdmin.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AgreementModel : Migration
    {
        /// <summary>
        /// A random version 4 UUID as EF stores a Guid on SQLite: uppercase hex in 8-4-4-4-12 groups.
        /// Evaluated per row in an UPDATE.
        /// </summary>
        private const string NewGuid =
            """hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' """
            + """|| substr('89AB', 1 + abs(random() % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))""";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // New columns first, so that the data steps below can fill them. RequestSteps is a new, empty card
            // field: the scaffold renamed RecipientsDescription into it, which would have put the recipients
            // wording into the request steps; that wording moves to the versions instead.
            migrationBuilder.AddColumn<Guid>(
                name: "ConcurrencyStamp",
                table: "Services",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<string>(
                name: "Definition",
                table: "Services",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "InteractionChannels",
                table: "Services",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProviderUnit",
                table: "Services",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReportingAndReview",
                table: "Services",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "UpdatedAt",
                table: "Services",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<string>(
                name: "UpdatedBy",
                table: "Services",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WebAddress",
                table: "Services",
                type: "TEXT",
                maxLength: 400,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RequestSteps",
                table: "Services",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ClauseId",
                table: "Sections",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<string>(
                name: "AccountOwnerName",
                table: "PaymentMechanisms",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ClauseId",
                table: "PaymentMechanisms",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<int>(
                name: "ParentId",
                table: "Organizations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ClauseId",
                table: "Obligations",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<Guid>(
                name: "ClauseId",
                table: "LegalReferences",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<Guid>(
                name: "ClauseId",
                table: "Fees",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<Guid>(
                name: "ClauseId",
                table: "Definitions",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<Guid>(
                name: "ClauseId",
                table: "DataRows",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<Guid>(
                name: "ClauseId",
                table: "AppendixItems",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<string>(
                name: "PaymentsIntro",
                table: "AgreementVersions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProviderName",
                table: "AgreementVersions",
                type: "TEXT",
                maxLength: 300,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "PublishedAt",
                table: "AgreementVersions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PublishedBy",
                table: "AgreementVersions",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RecipientsDescription",
                table: "AgreementVersions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ServiceTitle",
                table: "AgreementVersions",
                type: "TEXT",
                maxLength: 400,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Subheading",
                table: "AgreementVersions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "InForceVersionId",
                table: "Agreements",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "WorkingVersionId",
                table: "Agreements",
                type: "INTEGER",
                nullable: true);

            // Each version owns the words it prints, copied from the catalogue entry it was written for:
            // the service title, the provider's name and the recipients as worded. The service's
            // RecipientsDescription is dropped only after this copy.
            migrationBuilder.Sql("""
                UPDATE "AgreementVersions" AS v
                SET "ServiceTitle" = s."Title",
                    "ProviderName" = o."Name",
                    "RecipientsDescription" = s."RecipientsDescription"
                FROM "Agreements" AS a
                JOIN "Services" AS s ON s."Id" = a."EServiceId"
                JOIN "Organizations" AS o ON o."Id" = s."ProviderId"
                WHERE a."Id" = v."AgreementId";
                """);

            // A payment names its account owner in words now; the organization it pointed at gives the name.
            migrationBuilder.Sql("""
                UPDATE "PaymentMechanisms" AS p
                SET "AccountOwnerName" = o."Name"
                FROM "Organizations" AS o
                WHERE o."Id" = p."AccountOwnerId";
                """);

            // Every existing part is its own clause: a fresh identity per row, before the unique
            // (version, clause) indexes below. EF reads a Guid on SQLite from uppercase text in the
            // 8-4-4-4-12 form, so the random value is written in exactly that form (a version 4 UUID).
            foreach (var table in new[] { "Sections", "Obligations", "DataRows", "Fees", "PaymentMechanisms", "LegalReferences", "Definitions", "AppendixItems" })
            {
                migrationBuilder.Sql($"""UPDATE "{table}" SET "ClauseId" = {NewGuid};""");
            }

            // One stamp per service, not the same zero for all, so two stale editors of two services
            // never share a token.
            migrationBuilder.Sql($"""UPDATE "Services" SET "ConcurrencyStamp" = {NewGuid};""");

            // «Expired» is computed from the validity now, so an expired version is a published one.
            // The newest published version is in force and the ones before it are superseded; the newest
            // unfinished version after it (or at all, when nothing is in force) is the working version.
            migrationBuilder.Sql("""
                UPDATE "AgreementVersions" SET "Status" = 'Published' WHERE "Status" = 'Expired';

                UPDATE "Agreements" SET "InForceVersionId" = (
                    SELECT v."Id" FROM "AgreementVersions" AS v
                    WHERE v."AgreementId" = "Agreements"."Id" AND v."Status" = 'Published'
                    ORDER BY v."Number" DESC LIMIT 1);

                UPDATE "Agreements" SET "WorkingVersionId" = (
                    SELECT v."Id" FROM "AgreementVersions" AS v
                    WHERE v."AgreementId" = "Agreements"."Id" AND v."Status" IN ('Draft', 'InReview', 'Approved')
                      AND v."Number" > COALESCE(
                          (SELECT f."Number" FROM "AgreementVersions" AS f WHERE f."Id" = "Agreements"."InForceVersionId"), 0)
                    ORDER BY v."Number" DESC LIMIT 1);

                UPDATE "AgreementVersions" SET "Status" = 'Superseded'
                WHERE "Status" = 'Published'
                  AND "Id" NOT IN (SELECT "InForceVersionId" FROM "Agreements" WHERE "InForceVersionId" IS NOT NULL);
                """);

            // The scaffolded operations, after the data steps that need the old columns: nullable card
            // facts and costs, the drops, the clause indexes, the pointers' keys. On SQLite most of these
            // are table rebuilds that EF runs after every statement above, so the unknowns (NULLs) can only
            // be written by the next migration, AgreementModelUnknowns.
            migrationBuilder.AlterColumn<string>(
                name: "Types",
                table: "Services",
                type: "TEXT",
                maxLength: 64,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 64);

            migrationBuilder.AlterColumn<string>(
                name: "Status",
                table: "Services",
                type: "TEXT",
                maxLength: 64,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 64);

            migrationBuilder.AlterColumn<string>(
                name: "Level",
                table: "Services",
                type: "TEXT",
                maxLength: 64,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 64);

            migrationBuilder.AlterColumn<bool>(
                name: "IsFree",
                table: "AgreementVersions",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(bool),
                oldType: "INTEGER");

            migrationBuilder.DropForeignKey(
                name: "FK_PaymentMechanisms_Organizations_AccountOwnerId",
                table: "PaymentMechanisms");

            migrationBuilder.DropIndex(
                name: "IX_PaymentMechanisms_AccountOwnerId",
                table: "PaymentMechanisms");

            migrationBuilder.DropColumn(
                name: "AccountOwnerId",
                table: "PaymentMechanisms");

            migrationBuilder.DropColumn(
                name: "RecipientsDescription",
                table: "Services");

            migrationBuilder.DropIndex(
                name: "IX_PaymentMechanisms_AgreementVersionId",
                table: "PaymentMechanisms");

            migrationBuilder.DropIndex(
                name: "IX_LegalReferences_AgreementVersionId",
                table: "LegalReferences");

            migrationBuilder.DropIndex(
                name: "IX_Fees_AgreementVersionId",
                table: "Fees");

            migrationBuilder.DropIndex(
                name: "IX_Definitions_AgreementVersionId",
                table: "Definitions");

            migrationBuilder.DropIndex(
                name: "IX_DataRows_AgreementVersionId",
                table: "DataRows");

            migrationBuilder.DropIndex(
                name: "IX_AppendixItems_AgreementVersionId",
                table: "AppendixItems");

            migrationBuilder.CreateIndex(
                name: "IX_Sections_AgreementVersionId_ClauseId",
                table: "Sections",
                columns: new[] { "AgreementVersionId", "ClauseId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PaymentMechanisms_AgreementVersionId_ClauseId",
                table: "PaymentMechanisms",
                columns: new[] { "AgreementVersionId", "ClauseId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_ParentId",
                table: "Organizations",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_Obligations_AgreementVersionId_ClauseId",
                table: "Obligations",
                columns: new[] { "AgreementVersionId", "ClauseId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LegalReferences_AgreementVersionId_ClauseId",
                table: "LegalReferences",
                columns: new[] { "AgreementVersionId", "ClauseId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Fees_AgreementVersionId_ClauseId",
                table: "Fees",
                columns: new[] { "AgreementVersionId", "ClauseId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Definitions_AgreementVersionId_ClauseId",
                table: "Definitions",
                columns: new[] { "AgreementVersionId", "ClauseId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DataRows_AgreementVersionId_ClauseId",
                table: "DataRows",
                columns: new[] { "AgreementVersionId", "ClauseId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AppendixItems_AgreementVersionId_ClauseId",
                table: "AppendixItems",
                columns: new[] { "AgreementVersionId", "ClauseId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_InForceVersionId",
                table: "Agreements",
                column: "InForceVersionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_WorkingVersionId",
                table: "Agreements",
                column: "WorkingVersionId",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Agreements_AgreementVersions_InForceVersionId",
                table: "Agreements",
                column: "InForceVersionId",
                principalTable: "AgreementVersions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Agreements_AgreementVersions_WorkingVersionId",
                table: "Agreements",
                column: "WorkingVersionId",
                principalTable: "AgreementVersions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Organizations_Organizations_ParentId",
                table: "Organizations",
                column: "ParentId",
                principalTable: "Organizations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "AccountOwnerId",
                table: "PaymentMechanisms",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RecipientsDescription",
                table: "Services",
                type: "TEXT",
                nullable: true);

            // Back to the old shape, as far as it goes: the recipients wording of the version readers see
            // (or the working one) returns to the service, account owners are found again by name, and
            // unknowns take the old model's defaults (None, National, Active, not free), which it could
            // not tell from a stated value. Clause identities, pointers and «Expired» are not restored.
            migrationBuilder.Sql("""
                UPDATE "Services" SET "RecipientsDescription" = (
                    SELECT v."RecipientsDescription" FROM "Agreements" AS a
                    JOIN "AgreementVersions" AS v ON v."Id" = COALESCE(a."InForceVersionId", a."WorkingVersionId")
                    WHERE a."EServiceId" = "Services"."Id");

                UPDATE "PaymentMechanisms" SET "AccountOwnerId" = (
                    SELECT o."Id" FROM "Organizations" AS o WHERE o."Name" = "PaymentMechanisms"."AccountOwnerName");

                UPDATE "Services" SET "Types" = 'None' WHERE "Types" IS NULL;
                UPDATE "Services" SET "Level" = 'National' WHERE "Level" IS NULL;
                UPDATE "Services" SET "Status" = 'Active' WHERE "Status" IS NULL;
                UPDATE "AgreementVersions" SET "IsFree" = 0 WHERE "IsFree" IS NULL;
                """);

            migrationBuilder.DropForeignKey(
                name: "FK_Agreements_AgreementVersions_InForceVersionId",
                table: "Agreements");

            migrationBuilder.DropForeignKey(
                name: "FK_Agreements_AgreementVersions_WorkingVersionId",
                table: "Agreements");

            migrationBuilder.DropForeignKey(
                name: "FK_Organizations_Organizations_ParentId",
                table: "Organizations");

            migrationBuilder.DropIndex(
                name: "IX_Sections_AgreementVersionId_ClauseId",
                table: "Sections");

            migrationBuilder.DropIndex(
                name: "IX_PaymentMechanisms_AgreementVersionId_ClauseId",
                table: "PaymentMechanisms");

            migrationBuilder.DropIndex(
                name: "IX_Organizations_ParentId",
                table: "Organizations");

            migrationBuilder.DropIndex(
                name: "IX_Obligations_AgreementVersionId_ClauseId",
                table: "Obligations");

            migrationBuilder.DropIndex(
                name: "IX_LegalReferences_AgreementVersionId_ClauseId",
                table: "LegalReferences");

            migrationBuilder.DropIndex(
                name: "IX_Fees_AgreementVersionId_ClauseId",
                table: "Fees");

            migrationBuilder.DropIndex(
                name: "IX_Definitions_AgreementVersionId_ClauseId",
                table: "Definitions");

            migrationBuilder.DropIndex(
                name: "IX_DataRows_AgreementVersionId_ClauseId",
                table: "DataRows");

            migrationBuilder.DropIndex(
                name: "IX_AppendixItems_AgreementVersionId_ClauseId",
                table: "AppendixItems");

            migrationBuilder.DropIndex(
                name: "IX_Agreements_InForceVersionId",
                table: "Agreements");

            migrationBuilder.DropIndex(
                name: "IX_Agreements_WorkingVersionId",
                table: "Agreements");

            migrationBuilder.DropColumn(
                name: "ConcurrencyStamp",
                table: "Services");

            migrationBuilder.DropColumn(
                name: "Definition",
                table: "Services");

            migrationBuilder.DropColumn(
                name: "InteractionChannels",
                table: "Services");

            migrationBuilder.DropColumn(
                name: "ProviderUnit",
                table: "Services");

            migrationBuilder.DropColumn(
                name: "ReportingAndReview",
                table: "Services");

            migrationBuilder.DropColumn(
                name: "UpdatedAt",
                table: "Services");

            migrationBuilder.DropColumn(
                name: "UpdatedBy",
                table: "Services");

            migrationBuilder.DropColumn(
                name: "WebAddress",
                table: "Services");

            migrationBuilder.DropColumn(
                name: "ClauseId",
                table: "Sections");

            migrationBuilder.DropColumn(
                name: "AccountOwnerName",
                table: "PaymentMechanisms");

            migrationBuilder.DropColumn(
                name: "ClauseId",
                table: "PaymentMechanisms");

            migrationBuilder.DropColumn(
                name: "ParentId",
                table: "Organizations");

            migrationBuilder.DropColumn(
                name: "ClauseId",
                table: "Obligations");

            migrationBuilder.DropColumn(
                name: "ClauseId",
                table: "LegalReferences");

            migrationBuilder.DropColumn(
                name: "ClauseId",
                table: "Fees");

            migrationBuilder.DropColumn(
                name: "ClauseId",
                table: "Definitions");

            migrationBuilder.DropColumn(
                name: "ClauseId",
                table: "DataRows");

            migrationBuilder.DropColumn(
                name: "ClauseId",
                table: "AppendixItems");

            migrationBuilder.DropColumn(
                name: "PaymentsIntro",
                table: "AgreementVersions");

            migrationBuilder.DropColumn(
                name: "ProviderName",
                table: "AgreementVersions");

            migrationBuilder.DropColumn(
                name: "PublishedAt",
                table: "AgreementVersions");

            migrationBuilder.DropColumn(
                name: "PublishedBy",
                table: "AgreementVersions");

            migrationBuilder.DropColumn(
                name: "RecipientsDescription",
                table: "AgreementVersions");

            migrationBuilder.DropColumn(
                name: "ServiceTitle",
                table: "AgreementVersions");

            migrationBuilder.DropColumn(
                name: "Subheading",
                table: "AgreementVersions");

            migrationBuilder.DropColumn(
                name: "InForceVersionId",
                table: "Agreements");

            migrationBuilder.DropColumn(
                name: "WorkingVersionId",
                table: "Agreements");

            migrationBuilder.DropColumn(
                name: "RequestSteps",
                table: "Services");

            migrationBuilder.AlterColumn<string>(
                name: "Types",
                table: "Services",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 64,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Status",
                table: "Services",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 64,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Level",
                table: "Services",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 64,
                oldNullable: true);

            migrationBuilder.AlterColumn<bool>(
                name: "IsFree",
                table: "AgreementVersions",
                type: "INTEGER",
                nullable: false,
                defaultValue: false,
                oldClrType: typeof(bool),
                oldType: "INTEGER",
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_PaymentMechanisms_AccountOwnerId",
                table: "PaymentMechanisms",
                column: "AccountOwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_PaymentMechanisms_AgreementVersionId",
                table: "PaymentMechanisms",
                column: "AgreementVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_LegalReferences_AgreementVersionId",
                table: "LegalReferences",
                column: "AgreementVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_Fees_AgreementVersionId",
                table: "Fees",
                column: "AgreementVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_Definitions_AgreementVersionId",
                table: "Definitions",
                column: "AgreementVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_DataRows_AgreementVersionId",
                table: "DataRows",
                column: "AgreementVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_AppendixItems_AgreementVersionId",
                table: "AppendixItems",
                column: "AgreementVersionId");

            migrationBuilder.AddForeignKey(
                name: "FK_PaymentMechanisms_Organizations_AccountOwnerId",
                table: "PaymentMechanisms",
                column: "AccountOwnerId",
                principalTable: "Organizations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }
    }
}
