using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using SlaAdmin.Data;
using SlaAdmin.Data.Entities;
using SlaAdmin.Features.Agreements;

namespace SlaAdmin.IntegrationTests.Migrations;

/// <summary>
/// A database written by the app before the agreement model (migrations Initial and
/// UniqueServiceTitle) upgrades to the latest migration with nothing lost, on both providers.
/// The old shape is inserted with raw SQL, as the old app stored it; the result is read through
/// today's model.
/// </summary>
public sealed class AgreementModelUpgradeTests
{
    private const string Provider = "سازمان فناوری اطلاعات ایران";
    private const string Treasury = "وزارت اقتصاد و امور دارایی کشور";
    private const string Developers = "شرکت‌های توسعه‌دهنده نرم‌افزار";
    private const string Approval = "صدور گواهی تایید نرم‌افزار";
    private const string ExpiredService = "تبادل اطلاعات استانی";
    private const string Superseding = "خدمات هوشمند";
    private const string NeverPublished = "خدمت پیش‌نویس";
    private const string RecipientsWording = "شرکت‌ها و اشخاص حقیقی توسعه‌دهنده نرم‌افزار";
    private const string Iban = "IR820540102680020817909002";

    [Fact]
    public async Task Upgrade_keeps_every_row_on_sqlite()
    {
        await using var database = OldShapeDatabase.Sqlite();
        await Upgrade_keeps_every_row(database);
    }

    [Fact]
    public async Task Upgrade_keeps_every_row_on_postgresql()
    {
        await using var database = await OldShapeDatabase.PostgreSqlAsync();
        await Upgrade_keeps_every_row(database);
    }

    [Fact]
    public async Task Downgrade_puts_the_words_back_and_upgrades_again_on_sqlite()
    {
        await using var database = OldShapeDatabase.Sqlite();
        await Downgrade_puts_the_words_back_and_upgrades_again(database);
    }

    [Fact]
    public async Task Downgrade_puts_the_words_back_and_upgrades_again_on_postgresql()
    {
        await using var database = await OldShapeDatabase.PostgreSqlAsync();
        await Downgrade_puts_the_words_back_and_upgrades_again(database);
    }

    private static async Task Upgrade_keeps_every_row(OldShapeDatabase database)
    {
        await database.MigrateToAsync(OldShapeDatabase.Previous);
        await database.ExecuteAsync(OldShape(database));
        var countsBefore = await CountsAsync(database);

        await database.MigrateToAsync(null);

        Assert.Equal(countsBefore, await CountsAsync(database));
        await using var db = database.CreateContext();

        // The catalogue entries: every old fact kept, the new card fields empty, None unknown, a stamp each.
        var services = await db.Services.AsNoTracking().Include(s => s.Provider).Include(s => s.Recipients).OrderBy(s => s.Id).ToListAsync();
        var approval = services[0];
        Assert.Equal((Approval, "12345678901", Provider), (approval.Title, approval.NationalId, approval.Provider.Name));
        Assert.Equal([Developers], approval.Recipients.Select(r => r.Name));
        Assert.Equal((ServiceNature.Operational, ServiceTypes.G2C | ServiceTypes.G2B, ServiceLevel.National, ServiceStatus.Active),
            (approval.Nature, approval.Types, approval.Level, approval.Status));
        Assert.Equal("https://desk.example.ir", approval.ServiceDeskUrl);
        Assert.All(services, s => Assert.Null(s.RequestSteps ?? s.Definition ?? s.InteractionChannels ?? s.ReportingAndReview ?? s.ProviderUnit ?? s.WebAddress));
        Assert.Null(services[1].Types);
        Assert.Equal(ServiceLevel.Provincial, services[1].Level);
        Assert.All(services, s => Assert.NotEqual(Guid.Empty, s.ConcurrencyStamp));
        Assert.Equal(services.Count, services.Select(s => s.ConcurrencyStamp).Distinct().Count());

        // The pointers and statuses.
        var agreements = await db.Agreements.AsNoTracking().Include(a => a.Versions).Include(a => a.InForceVersion).Include(a => a.WorkingVersion)
            .OrderBy(a => a.Id).ToDictionaryAsync(a => a.EServiceId);
        AssertAgreement(agreements[1], inForce: 1, working: 2, (1, AgreementStatus.Published), (2, AgreementStatus.Draft));
        AssertAgreement(agreements[2], inForce: 1, working: null, (1, AgreementStatus.Published));
        AssertAgreement(agreements[3], inForce: 2, working: 3, (1, AgreementStatus.Superseded), (2, AgreementStatus.Published), (3, AgreementStatus.InReview));
        AssertAgreement(agreements[4], inForce: null, working: 1, (1, AgreementStatus.Draft));

        // The version in force, read as the pages read it.
        var store = new AgreementStore(new ContextFactory(database));
        var view = await store.LoadAsync(agreements[1].Id) ?? throw new InvalidOperationException("agreement 1 not found");
        Assert.Equal((1, 1, 2, AgreementStatus.Draft), (view.Version.Number, view.InForceNumber, view.Working?.Number, view.Working?.Status));
        var published = view.Content;
        Assert.Equal((Approval, Provider, RecipientsWording), (published.ServiceTitle, published.ProviderName, published.RecipientsDescription));
        Assert.Equal(("وزارت ارتباطات\nسازمان فناوری اطلاعات", "توافق‌نامه سطح خدمت", "تا پایان سال ۱۴۰۲", "رئیس سازمان"),
            (published.Letterhead, published.DocumentTitle, published.ValidityText, published.Signatory));
        Assert.Equal(new DateOnly(2024, 3, 19), published.ValidUntil);
        Assert.Equal("هزینه طبق تعرفه", published.CostNote);
        Assert.Equal([(SectionKind.Introduction, "مقدمه توافق‌نامه"), (SectionKind.Obligations, "تعهدات طرفین")],
            published.Sections.Select(s => (s.Kind, s.Body)));
        Assert.Equal(
            [(ObligationSide.Provider, "پاسخگویی در ۲۴ ساعت", (string?)"۹۵ درصد"), (ObligationSide.Provider, "در دسترس بودن سامانه", null), (ObligationSide.Recipient, "ارائه مدارک کامل", null)],
            published.Obligations.Select(o => (o.Side, o.Text, o.Target)));
        Assert.Equal(
            [("اطلاعات هویتی", DataParty.Applicant, DataParty.Organization, StorageLevel.Full, true, false, PublicationScope.Organization),
             ("نتیجه ارزیابی", DataParty.Organization, DataParty.Applicant, StorageLevel.Partial, false, true, PublicationScope.Public)],
            published.DataRows.Select(d => (d.DataType, d.ProvidingUnit, d.ReceivingUnit, d.StorageLevel, d.UsedForAnalytics, d.PublicVisible, d.PublicationScope)));
        Assert.Equal([("ارزیابی نرم‌افزار", CostType.Provision, "برای هر نسخه", (long?)1_000_000)],
            published.Fees.Select(f => (f.ServiceName, f.CostType, f.Description, f.AmountRials)));
        Assert.Equal([("واریز هزینه ارزیابی", Treasury, Iban, PaymentChannels.Online | PaymentChannels.Manual)],
            published.Payments.Select(p => (p.Description, p.AccountOwnerName, p.Iban, p.Channels)));
        Assert.Equal([("قانون برنامه ششم", "ماده ۶۷", "مجلس شورای اسلامی", "۱۲۳", new DateOnly(2017, 3, 14), (string?)"یادداشت")],
            published.LegalReferences.Select(l => (l.Title, l.ArticleOrClause, l.ApprovingBody, l.Number, l.Date, l.Note)));
        Assert.Equal([("متقاضی", "شرکت درخواست‌کننده گواهی")], published.Definitions.Select(d => (d.Term, d.Text)));
        Assert.Equal(["فرم درخواست"], published.AppendixItems.Select(a => a.Text));

        // The imported draft carries the same words, its own clauses and its payment's owner by name.
        var draft = (await store.LoadAsync(agreements[1].Id, 2) ?? throw new InvalidOperationException("draft not found")).Content;
        Assert.Equal((Approval, Provider, RecipientsWording), (draft.ServiceTitle, draft.ProviderName, draft.RecipientsDescription));
        Assert.Equal(["پاسخگویی در ۱۲ ساعت", "در دسترس بودن سامانه"], draft.Obligations.Select(o => o.Text));
        Assert.Equal([("واریز هزینه ارزیابی", Treasury)], draft.Payments.Select(p => (p.Description, p.AccountOwnerName)));
        Assert.Empty(published.ClauseIds.Intersect(draft.ClauseIds));

        // Free, with fees, or unknown: an old false means "with fees" only where a fee or a payment says so
        // (versions 1 and 2 of the first agreement); the expired and the never-published ones say nothing.
        Assert.Equal([false, false, null, true, true, true, null],
            await db.AgreementVersions.OrderBy(v => v.Id).Select(v => v.IsFree).ToListAsync());

        // CatalogueAtScale: each version's obligations counted into it, the old titles in the search index.
        var counts = await db.AgreementVersions.OrderBy(v => v.Id).Select(v => new { v.ObligationCount, Counted = v.Obligations.Count() }).ToListAsync();
        Assert.Equal(3, counts[0].ObligationCount);
        Assert.All(counts, c => Assert.Equal(c.Counted, c.ObligationCount));
        var catalogue = new SlaAdmin.Features.Catalogue.CatalogueService(new ContextFactory(database), TimeProvider.System);
        var found = await catalogue.SearchAsync(new SlaAdmin.Features.Catalogue.CatalogueFilter(Search: "تایید نرم"), 1, 10);
        Assert.Equal([(Approval, 3)], found.Rows.Select(r => (r.Title, r.ObligationCount)));

        // Each version names its own service and provider; the expired agreement had no recipients wording.
        var words = await db.AgreementVersions.AsNoTracking().Select(v => new { v.AgreementId, v.ServiceTitle, v.ProviderName, v.RecipientsDescription }).ToListAsync();
        Assert.All(words, w => Assert.Equal(Provider, w.ProviderName));
        Assert.Equal([Approval, Approval, ExpiredService, Superseding, Superseding, Superseding, NeverPublished],
            words.OrderBy(w => w.AgreementId).Select(w => w.ServiceTitle));
        Assert.Equal(2, words.Count(w => w.RecipientsDescription == RecipientsWording));

        // Every part is a clause of its own, and EF finds it by its identity.
        var clauses = (await db.Sections.Select(p => p.ClauseId).ToListAsync())
            .Concat(await db.Obligations.Select(p => p.ClauseId).ToListAsync())
            .Concat(await db.DataRows.Select(p => p.ClauseId).ToListAsync())
            .Concat(await db.Fees.Select(p => p.ClauseId).ToListAsync())
            .Concat(await db.PaymentMechanisms.Select(p => p.ClauseId).ToListAsync())
            .Concat(await db.LegalReferences.Select(p => p.ClauseId).ToListAsync())
            .Concat(await db.Definitions.Select(p => p.ClauseId).ToListAsync())
            .Concat(await db.AppendixItems.Select(p => p.ClauseId).ToListAsync())
            .ToList();
        Assert.Equal(countsBefore.Skip(4).Sum(), clauses.Count);
        Assert.DoesNotContain(Guid.Empty, clauses);
        Assert.Equal(clauses.Count, clauses.Distinct().Count());
        var someObligation = published.Obligations[0].Clause;
        Assert.Equal("پاسخگویی در ۲۴ ساعت", await db.Obligations.Where(o => o.ClauseId == someObligation).Select(o => o.Text).SingleAsync());
        if (!database.IsPostgreSql)
        {
            // EF on SQLite compares a Guid with the stored text: it must be uppercase 8-4-4-4-12, as EF writes it.
            Assert.All(await database.ColumnAsync("""SELECT "ClauseId" FROM "Obligations" UNION ALL SELECT "ConcurrencyStamp" FROM "Services" """),
                stored => Assert.Equal(Guid.Parse(stored!).ToString().ToUpperInvariant(), stored));
        }

        // The upgraded rows take ordinary saves: the concurrency stamps read back as they are stored.
        await using (var write = database.CreateContext())
        {
            var service = await write.Services.SingleAsync(s => s.Id == approval.Id);
            service.WebAddress = "https://approval.example.ir";
            var working = await write.AgreementVersions.SingleAsync(v => v.AgreementId == agreements[1].Id && v.Number == 2);
            working.Signatory = "معاون سازمان";
            Assert.Equal(2, await write.SaveChangesAsync());
        }
    }

    private static async Task Downgrade_puts_the_words_back_and_upgrades_again(OldShapeDatabase database)
    {
        await database.MigrateToAsync(OldShapeDatabase.Previous);
        await database.ExecuteAsync(OldShape(database));
        var countsBefore = await CountsAsync(database);
        await database.MigrateToAsync(null);

        await database.MigrateToAsync(OldShapeDatabase.Previous);

        Assert.Equal(countsBefore, await CountsAsync(database));
        Assert.Equal([RecipientsWording, (string?)null, null, null],
            await database.ColumnAsync("""SELECT "RecipientsDescription" FROM "Services" ORDER BY "Id" """));
        Assert.Equal(["G2C, G2B", "None", "G2C", "None"], await database.ColumnAsync("""SELECT "Types" FROM "Services" ORDER BY "Id" """));
        Assert.Equal(["2", "2"], await database.ColumnAsync("""SELECT "AccountOwnerId" FROM "PaymentMechanisms" ORDER BY "Id" """));

        await database.MigrateToAsync(null);

        Assert.Equal(countsBefore, await CountsAsync(database));
        await using var db = database.CreateContext();
        Assert.Equal([Treasury, Treasury], await db.PaymentMechanisms.OrderBy(p => p.Id).Select(p => p.AccountOwnerName).ToListAsync());
        Assert.Equal(2, await db.AgreementVersions.CountAsync(v => v.RecipientsDescription == RecipientsWording));
    }

    private static void AssertAgreement(Agreement agreement, int? inForce, int? working, params (int Number, AgreementStatus Status)[] versions)
    {
        Assert.Equal(inForce, agreement.InForceVersion?.Number);
        Assert.Equal(working, agreement.WorkingVersion?.Number);
        Assert.Equal(versions, agreement.Versions.OrderBy(v => v.Number).Select(v => (v.Number, v.Status)));
    }

    /// <summary>Rows per table: services, agreements, versions, recipients, then the eight kinds of part.</summary>
    private static async Task<List<int>> CountsAsync(OldShapeDatabase database)
    {
        string[] tables = ["Services", "Agreements", "AgreementVersions", "ServiceRecipients",
            "Sections", "Obligations", "DataRows", "Fees", "PaymentMechanisms", "LegalReferences", "Definitions", "AppendixItems"];
        var counts = new List<int>();
        foreach (var table in tables)
        {
            counts.Add(int.Parse((await database.ColumnAsync($"""SELECT COUNT(*) FROM "{table}" """)).Single()!, System.Globalization.CultureInfo.InvariantCulture));
        }
        return counts;
    }

    /// <summary>
    /// The catalogue as the old app stored it: service 1 with its recipients wording, a published
    /// version 1 (a fee, a payment whose account owner is an organization) and an imported draft 2;
    /// service 2 whose only version expired and whose types were None; service 3 with two published
    /// versions and one in review; service 4 never published.
    /// </summary>
    private static string OldShape(OldShapeDatabase database)
    {
        string yes = database.Bool(true), no = database.Bool(false);
        const string stamp = "'6F9619FF-8B86-D011-B42D-00C04FC964FF'", updated = "'2024-01-01 10:00:00+00:00'";
        return $"""
            INSERT INTO "Organizations" ("Id", "Name", "Kind", "SearchText") VALUES
                (1, '{Provider}', 'ExecutiveAgency', '{Provider}'),
                (2, '{Treasury}', 'ExecutiveAgency', '{Treasury}'),
                (3, '{Developers}', 'Company', '{Developers}');

            INSERT INTO "Services" ("Id", "Title", "NationalId", "ProviderId", "RecipientsDescription", "Nature", "Types", "Level", "ServiceDeskUrl", "Status", "SearchText") VALUES
                (1, '{Approval}', '12345678901', 1, '{RecipientsWording}', 'Operational', 'G2C, G2B', 'National', 'https://desk.example.ir', 'Active', '{Approval}'),
                (2, '{ExpiredService}', NULL, 1, NULL, NULL, 'None', 'Provincial', NULL, 'Active', '{ExpiredService}'),
                (3, '{Superseding}', NULL, 1, NULL, NULL, 'G2C', 'National', NULL, 'Active', '{Superseding}'),
                (4, '{NeverPublished}', NULL, 1, NULL, NULL, 'None', 'Local', NULL, 'Planned', '{NeverPublished}');
            INSERT INTO "ServiceRecipients" ("ReceivedServicesId", "RecipientsId") VALUES (1, 3);

            INSERT INTO "Agreements" ("Id", "EServiceId") VALUES (1, 1), (2, 2), (3, 3), (4, 4);
            INSERT INTO "AgreementVersions" ("Id", "AgreementId", "Number", "Status", "Letterhead", "DocumentTitle", "ValidUntil", "ValidityText", "Signatory",
                    "StatesClauseCount", "ProviderObligationsIntro", "RecipientObligationsIntro", "IsFree", "CostNote", "ConcurrencyStamp", "UpdatedAt", "UpdatedBy") VALUES
                (1, 1, 1, 'Published', 'وزارت ارتباطات
            سازمان فناوری اطلاعات', 'توافق‌نامه سطح خدمت', '2024-03-19', 'تا پایان سال ۱۴۰۲', 'رئیس سازمان', {yes}, 'ارائه‌دهنده متعهد است:', NULL, {no}, 'هزینه طبق تعرفه', {stamp}, {updated}, 'admin@example.ir'),
                (2, 1, 2, 'Draft', NULL, 'توافق‌نامه سطح خدمت', NULL, NULL, NULL, {yes}, NULL, NULL, {no}, NULL, {stamp}, {updated}, 'importer@example.ir'),
                (3, 2, 1, 'Expired', NULL, NULL, '2020-03-19', NULL, NULL, {no}, NULL, NULL, {no}, NULL, {stamp}, {updated}, NULL),
                (4, 3, 1, 'Published', NULL, NULL, NULL, NULL, NULL, {no}, NULL, NULL, {yes}, NULL, {stamp}, {updated}, NULL),
                (5, 3, 2, 'Published', NULL, NULL, NULL, NULL, NULL, {no}, NULL, NULL, {yes}, NULL, {stamp}, {updated}, NULL),
                (6, 3, 3, 'InReview', NULL, NULL, NULL, NULL, NULL, {no}, NULL, NULL, {yes}, NULL, {stamp}, {updated}, NULL),
                (7, 4, 1, 'Draft', NULL, NULL, NULL, NULL, NULL, {no}, NULL, NULL, {no}, NULL, {stamp}, {updated}, NULL);

            INSERT INTO "Sections" ("Id", "AgreementVersionId", "Kind", "Body") VALUES
                (1, 1, 'Introduction', 'مقدمه توافق‌نامه'), (2, 1, 'Obligations', 'تعهدات طرفین'),
                (3, 2, 'Introduction', 'مقدمه توافق‌نامه'), (4, 3, 'Introduction', 'مقدمه'), (5, 5, 'Introduction', 'مقدمه');
            INSERT INTO "Obligations" ("Id", "AgreementVersionId", "Side", "Order", "Text", "Target") VALUES
                (1, 1, 'Provider', 1, 'پاسخگویی در ۲۴ ساعت', '۹۵ درصد'), (2, 1, 'Provider', 2, 'در دسترس بودن سامانه', NULL),
                (3, 1, 'Recipient', 1, 'ارائه مدارک کامل', NULL),
                (4, 2, 'Provider', 1, 'پاسخگویی در ۱۲ ساعت', '۹۹ درصد'), (5, 2, 'Provider', 2, 'در دسترس بودن سامانه', NULL),
                (6, 3, 'Provider', 1, 'تبادل روزانه', NULL);
            INSERT INTO "DataRows" ("Id", "AgreementVersionId", "Order", "DataType", "ProvidingUnit", "ReceivingUnit", "StorageLevel", "UsedForAnalytics", "PublicVisible", "PublicationScope") VALUES
                (1, 1, 1, 'اطلاعات هویتی', 'Applicant', 'Organization', 'Full', {yes}, {no}, 'Organization'),
                (2, 1, 2, 'نتیجه ارزیابی', 'Organization', 'Applicant', 'Partial', {no}, {yes}, 'Public'),
                (3, 2, 1, 'اطلاعات هویتی', 'Applicant', 'Organization', 'Full', {yes}, {no}, 'Organization');
            INSERT INTO "Fees" ("Id", "AgreementVersionId", "Order", "ServiceName", "CostType", "Description", "AmountRials") VALUES
                (1, 1, 1, 'ارزیابی نرم‌افزار', 'Provision', 'برای هر نسخه', 1000000);
            INSERT INTO "PaymentMechanisms" ("Id", "AgreementVersionId", "Order", "Description", "AccountOwnerId", "Iban", "Channels") VALUES
                (1, 1, 1, 'واریز هزینه ارزیابی', 2, '{Iban}', 'Online, Manual'),
                (2, 2, 1, 'واریز هزینه ارزیابی', 2, '{Iban}', 'Online');
            INSERT INTO "LegalReferences" ("Id", "AgreementVersionId", "Order", "Title", "ArticleOrClause", "ApprovingBody", "Number", "Date", "Note") VALUES
                (1, 1, 1, 'قانون برنامه ششم', 'ماده ۶۷', 'مجلس شورای اسلامی', '۱۲۳', '2017-03-14', 'یادداشت');
            INSERT INTO "Definitions" ("Id", "AgreementVersionId", "Order", "Term", "Text") VALUES
                (1, 1, 1, 'متقاضی', 'شرکت درخواست‌کننده گواهی');
            INSERT INTO "AppendixItems" ("Id", "AgreementVersionId", "Order", "Text") VALUES
                (1, 1, 1, 'فرم درخواست');
            """;
    }

    private sealed class ContextFactory(OldShapeDatabase database) : IDbContextFactory<SlaDbContext>
    {
        public SlaDbContext CreateDbContext() => database.CreateContext();
    }
}
