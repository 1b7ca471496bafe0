using System.Net;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SlaAdmin.Data.Entities;
using SlaAdmin.Features.Agreements;
using SlaAdmin.Features.Catalogue;
using SlaAdmin.Features.Home;

namespace SlaAdmin.IntegrationTests.Agreements;

/// <summary>
/// Every reader of the running app sees an agreement's version in force while a draft version 2 with
/// other obligations, another end date and other costs exists beside it; expiry, national-id search
/// and a ministry's name reach the rows they should.
/// </summary>
public sealed class VersionInForceTests : IAsyncLifetime
{
    private const string Smart = "توسعه و پشتیبانی سامانه‌های ملی ارائه خدمات هوشمند"; // 001, in force to 1403/12/30
    private const string Certificate = "صدور گواهی احراز اصالت و سلامت اداری";              // 000, ended 1400/12/29
    private const string DraftObligation = "تعهد تازه‌ای که فقط در پیش‌نویس است";

    private readonly SlaAppFactory _app = new();
    private int _agreementId;
    private int _serviceId;

    public async Task InitializeAsync()
    {
        await using var db = _app.CreateDbContext();
        var agreement = await db.Agreements.Include(a => a.EService).SingleAsync(a => a.EService.Title == Smart);
        (_agreementId, _serviceId) = (agreement.Id, agreement.EServiceId);
        var inForce = await AgreementStore.WithEverything(db.AgreementVersions).SingleAsync(v => v.Id == agreement.InForceVersionId);

        // Version 2: one new obligation only, running ten more years, with fees.
        var content = AgreementContent.Of(inForce);
        var draft = (content with
        {
            Obligations = [new ObligationLine(Guid.NewGuid(), ObligationSide.Provider, 1, DraftObligation, null)],
            ValidUntil = new DateOnly(2036, 3, 19),
            IsFree = false,
        }).ToVersion(2, AgreementStatus.Draft);
        draft.AgreementId = agreement.Id;
        await using var transaction = await db.Database.BeginTransactionAsync();
        db.AgreementVersions.Add(draft);
        await db.SaveChangesAsync();
        agreement.WorkingVersionId = draft.Id;
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    private T Service<T>() where T : notnull => _app.Services.CreateScope().ServiceProvider.GetRequiredService<T>();

    [Fact]
    public async Task The_catalogue_grid_shows_the_version_in_force()
    {
        var result = await Service<CatalogueService>().SearchAsync(new CatalogueFilter(Search: "سامانه‌های ملی"), 1, 10);

        var row = Assert.Single(result.Rows);
        Assert.Equal((AgreementStatus?)AgreementStatus.Published, row.AgreementStatus);
        Assert.Equal(9, row.ObligationCount);
        Assert.Equal(new DateOnly(2025, 3, 20), row.ValidUntil);
    }

    [Fact]
    public async Task The_service_summary_shows_the_version_in_force_and_points_at_the_draft()
    {
        var details = await Service<CatalogueService>().LoadServiceAsync(_serviceId);

        var summary = details!.Agreement!;
        Assert.Equal((1, AgreementStatus.Published, true), (summary.VersionNumber, summary.Status, summary.InForce));
        Assert.Equal((6, 3, true), (summary.ProviderObligations, summary.RecipientObligations, summary.IsFree == true));
        Assert.Equal(2, summary.WorkingNumber);
    }

    [Fact]
    public async Task The_agreement_reader_loads_the_version_in_force_and_the_draft_only_by_its_number()
    {
        var store = Service<AgreementStore>();

        var reading = await store.LoadAsync(_agreementId);
        var draft = await store.LoadAsync(_agreementId, 2);

        Assert.Equal((1, true), (reading!.Version.Number, reading.IsInForce));
        Assert.DoesNotContain(reading.Content.Obligations, o => o.Text == DraftObligation);
        Assert.Equal(2, reading.Working!.Number);
        Assert.Equal((2, false), (draft!.Version.Number, draft.IsInForce));
        Assert.Contains(draft.Content.Obligations, o => o.Text == DraftObligation);
    }

    [Fact]
    public async Task Pages_served_to_a_viewer_show_the_version_in_force()
    {
        var client = _app.CreateClient("Viewer");

        var agreement = await client.GetStringAsync($"/agreements/{_agreementId}");
        var draft = await client.GetStringAsync($"/agreements/{_agreementId}/versions/2");
        var service = await client.GetStringAsync($"/services/{_serviceId}");

        Assert.DoesNotContain(DraftObligation, agreement, StringComparison.Ordinal);
        Assert.Contains($"/agreements/{_agreementId}/versions/2", agreement, StringComparison.Ordinal);
        Assert.Contains(DraftObligation, draft, StringComparison.Ordinal);
        Assert.Contains("not-in-force", draft, StringComparison.Ordinal);
        // The app's today is the real one, by which 001 (to 1403/12/30) may have ended: only the number is certain.
        Assert.Contains("(نسخه ۱)</dd>", service, StringComparison.Ordinal);
        Assert.Contains($"/agreements/{_agreementId}/versions/2", service, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Home_counts_read_the_version_in_force()
    {
        var counts = await Service<HomeStats>().CountAsync();

        // Today is the real today, so only the count's stability is checked: the draft adds nothing.
        Assert.Equal(5, counts.Agreements);
        var expiring = await Service<CatalogueService>().SearchAsync(new CatalogueFilter(ExpiringWithinDays: HomeStats.ExpiringDays), 1, 50);
        Assert.Equal(expiring.Total, counts.Expiring);
        var expired = await Service<CatalogueService>().SearchAsync(new CatalogueFilter(Expired: true), 1, 50);
        Assert.Equal(expired.Total, counts.Expired);
    }

    [Fact]
    public async Task The_exports_read_the_version_in_force()
    {
        var client = _app.CreateClient("Viewer");

        using var catalogue = await BookAsync(client, "/export/catalogue.xlsx?q=" + Uri.EscapeDataString("سامانه‌های ملی"));
        using var obligations = await BookAsync(client, "/export/obligations.xlsx");
        using var agreement = await BookAsync(client, $"/export/agreements/{_agreementId}.xlsx");

        var row = catalogue.Worksheet(1).Row(2);
        var headers = catalogue.Worksheet(1).Row(1).CellsUsed().ToDictionary(c => c.GetString(), c => c.Address.ColumnNumber);
        Assert.Equal(1d, row.Cell(headers["نسخه"]).GetDouble());
        Assert.Equal(6d, row.Cell(headers["تعهدات سازمان"]).GetDouble());
        Assert.Equal("رایگان", row.Cell(headers["هزینه"]).GetString());
        Assert.DoesNotContain(DraftObligation, obligations.Worksheet(1).CellsUsed().Select(c => c.GetString()));
        Assert.DoesNotContain(DraftObligation, agreement.Worksheets.SelectMany(w => w.CellsUsed()).Select(c => c.GetString()));
    }

    [Fact]
    public async Task An_expired_agreement_reads_expired_in_the_grid_and_in_the_export()
    {
        var result = await Service<CatalogueService>().SearchAsync(new CatalogueFilter(Search: "احراز اصالت"), 1, 10);
        var row = Assert.Single(result.Rows);
        Assert.True(row.IsExpiredOn(Service<CatalogueService>().Today));

        using var book = await BookAsync(_app.CreateClient("Viewer"), "/export/catalogue.xlsx?q=" + Uri.EscapeDataString("احراز اصالت"));
        var headers = book.Worksheet(1).Row(1).CellsUsed().ToDictionary(c => c.GetString(), c => c.Address.ColumnNumber);
        Assert.Equal("منقضی", book.Worksheet(1).Cell(2, headers["وضعیت توافقنامه"]).GetString());
    }

    [Theory]
    [InlineData("۱۰۱۲۳۴۵۶۷۸۹")] // Persian digits
    [InlineData("١٠١٢٣٤٥٦٧٨٩")] // Arabic-Indic digits
    [InlineData("10123456789")]
    public async Task Searching_by_the_national_id_in_any_digits_finds_the_service(string typed)
    {
        await using (var db = _app.CreateDbContext())
        {
            (await db.Services.SingleAsync(s => s.Title == Certificate)).NationalId = "10123456789";
            await db.SaveChangesAsync();
        }

        var result = await Service<CatalogueService>().SearchAsync(new CatalogueFilter(Search: typed), 1, 10);

        Assert.Equal([Certificate], result.Rows.Select(r => r.Title));
    }

    [Fact]
    public async Task Searching_by_a_ministrys_name_finds_the_services_of_the_organization_under_it()
    {
        await using (var db = _app.CreateDbContext())
        {
            var ministry = new Organization { Name = "وزارت کشور", Kind = OrganizationKind.GovernmentUnit };
            db.Organizations.Add(ministry);
            (await db.Organizations.SingleAsync(o => o.Name == "استانداری خراسان جنوبی")).Parent = ministry;
            await db.SaveChangesAsync();
        }
        var catalogue = Service<CatalogueService>();

        var result = await catalogue.SearchAsync(new CatalogueFilter(Search: "وزارت كشور"), 1, 10); // typed with an Arabic kaf

        Assert.Equal(["توافقنامه سطح خدمات استانداری خراسان جنوبی"], result.Rows.Select(r => r.Title));
        Assert.Contains(await catalogue.ProvidersAsync(), p => p.Name == "وزارت کشور");
    }

    private static async Task<XLWorkbook> BookAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
    }
}
