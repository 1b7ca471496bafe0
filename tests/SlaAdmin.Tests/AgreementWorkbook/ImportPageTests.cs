using Bunit;
using ClosedXML.Excel;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SlaAdmin.Auth;
using SlaAdmin.Excel;
using SlaAdmin.Features.Agreements.Workbook;
using SlaAdmin.Features.Agreements;
using SlaAdmin.Tests.TestSupport;

namespace SlaAdmin.Tests.AgreementWorkbook;

public sealed class ImportPageTests : PageTestContext
{
    private const string Approval = "صدور تاییدیه فنی نرم‌افزار";

    public ImportPageTests()
    {
        Services.AddScoped<PendingImports>();
        Services.AddScoped<AgreementWorkbookImporter>();
        Authorization.SetRoles(Roles.Administrator);
        Authorization.SetPolicies(Policies.CanEdit);
    }

    [Fact]
    public void Before_the_circuit_is_live_the_file_picker_is_disabled()
    {
        Interactive = false;
        var page = RenderPage<ImportPage>();

        Assert.True(page.Find("input[type=file]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task A_broken_workbook_lists_its_problems_by_sheet_row_and_column_and_offers_no_apply()
    {
        await SeedAsync();
        var workbook = AgreementWorkbookRoundTripTests.Edit(await ExportAsync(Approval), wb => wb.Worksheet("داده‌ها").Cell(2, 5).SetValue("نیمه"));
        var page = RenderPage<ImportPage>();

        Upload(page, workbook);

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=import-errors]")));
        var row = page.Find("[data-testid=problem-table] tbody tr").TextContent;
        Assert.Contains("داده‌ها", row, StringComparison.Ordinal);
        Assert.Contains("۲", row, StringComparison.Ordinal);
        Assert.Contains("E (سطح ذخیره‌سازی)", row, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=import-apply]"));
    }

    [Fact]
    public async Task A_valid_workbook_is_previewed_then_applied_once()
    {
        await SeedAsync();
        var workbook = AgreementWorkbookRoundTripTests.Edit(await ExportAsync(Approval), wb => wb.Worksheet("تعهدات").Cell(2, 3).SetValue("متن تازه تعهد"));
        var page = RenderPage<ImportPage>();

        Upload(page, workbook);

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=import-apply]")));
        var counts = page.Find("[data-testid=import-counts]").TextContent;
        Assert.Contains("تعهدات", counts, StringComparison.Ordinal);
        Assert.Contains("متن تازه تعهد", page.Markup, StringComparison.Ordinal);
        Assert.Contains("نسخه ۲ (پیش‌نویس)", page.Markup, StringComparison.Ordinal);

        page.Find("[data-testid=import-apply]").Click();

        page.WaitForAssertion(() => Assert.Contains("نسخه ۲", page.Find("[data-testid=import-outcome]").TextContent, StringComparison.Ordinal));
        Assert.Empty(page.FindAll("[data-testid=import-apply]"));
        await using var db = NewDbContext();
        Assert.Equal(2, await db.AgreementVersions.CountAsync(v => v.Agreement.EService.Title == Approval));
    }

    [Fact]
    public async Task After_a_create_the_outcome_links_to_the_new_agreement()
    {
        await SeedAsync();
        var workbook = AgreementWorkbookRoundTripTests.Edit(AgreementWorkbookExporter.Template("a"), wb =>
        {
            var summary = wb.Worksheet("خلاصه");
            AgreementWorkbookRoundTripTests.Value(summary, "عنوان خدمت").SetValue("صدور پروانه آزمایشی");
            AgreementWorkbookRoundTripTests.Value(summary, "دستگاه ارائه‌دهنده").SetValue("سازمان فناوری اطلاعات ایران");
            AgreementWorkbookRoundTripTests.Value(summary, "شناسه ملی خدمت").SetValue("۱۰۶۱۱۲۳۴۵۶۷");
        });
        var page = RenderPage<ImportPage>();

        Upload(page, workbook);

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=import-apply]")));
        var card = page.Find("[data-testid=import-card]").TextContent;
        Assert.Contains("شناسه ملی خدمت", card, StringComparison.Ordinal);
        Assert.Contains("۱۰۶۱۱۲۳۴۵۶۷", card, StringComparison.Ordinal);
        Assert.Contains("نامشخص", page.Markup, StringComparison.Ordinal);

        page.Find("[data-testid=import-apply]").Click();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=import-agreement-link]")));
        await using var db = NewDbContext();
        var created = await db.Agreements.Include(a => a.EService).SingleAsync(a => a.EService.Title == "صدور پروانه آزمایشی");
        Assert.Equal("10611234567", created.EService.NationalId);
        Assert.Equal($"/agreements/{created.Id}/versions/1", page.Find("[data-testid=import-agreement-link]").GetAttribute("href"));
    }

    [Fact]
    public async Task A_stored_preview_opens_at_its_own_address_and_is_applied_there_once()
    {
        await SeedAsync();
        var workbook = AgreementWorkbookRoundTripTests.Edit(await ExportAsync(Approval), wb => wb.Worksheet("تعهدات").Cell(2, 3).SetValue("متن تازه تعهد"));
        var page = RenderPage<ImportPage>();
        Upload(page, workbook);
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=import-apply]")));
        var token = Assert.Single(Navigation.Uri.Split('/').TakeLast(1));
        Assert.EndsWith($"/agreements/import/{token}", Navigation.Uri, StringComparison.Ordinal);

        // Opened afresh (another tab, another instance): the same preview, from the database.
        var reopened = RenderPage<ImportPage>(p => p.Add(x => x.Token, Guid.Parse(token)));

        reopened.WaitForAssertion(() => Assert.NotEmpty(reopened.FindAll("[data-testid=import-apply]")));
        Assert.Contains("متن تازه تعهد", reopened.Markup, StringComparison.Ordinal);
        reopened.Find("[data-testid=import-apply]").Click();
        reopened.WaitForAssertion(() => Assert.Contains("نسخه ۲", reopened.Find("[data-testid=import-outcome]").TextContent, StringComparison.Ordinal));

        var again = RenderPage<ImportPage>(p => p.Add(x => x.Token, Guid.Parse(token)));
        again.WaitForAssertion(() => Assert.Contains(PendingImports.UsedMessage, again.Find("[data-testid=problem-table]").TextContent, StringComparison.Ordinal));
        Assert.Empty(again.FindAll("[data-testid=import-apply]"));
    }

    [Fact]
    public async Task A_long_preview_counts_first_and_shows_its_changes_twenty_at_a_time()
    {
        await SeedAsync();
        var workbook = AgreementWorkbookRoundTripTests.Edit(await ExportAsync(Approval),
            wb => AgreementWorkbookRoundTripTests.FillObligations(wb, AgreementLimits.RowsPerPart, "تعهد افزوده"));
        var page = RenderPage<ImportPage>();

        Upload(page, workbook);

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=import-apply]")), TimeSpan.FromSeconds(30));
        var obligations = page.FindAll("[data-testid=import-counts] tbody tr").Single(r => r.TextContent.Contains("تعهدات", StringComparison.Ordinal));
        Assert.Contains("۵۰۰", obligations.TextContent, StringComparison.Ordinal);
        var added = page.FindAll("[data-testid=import-part] table tbody tr");
        Assert.Equal(ProblemTable.PageSize, added.Count);
        Assert.Contains("تعهد افزوده", added[0].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_over_ten_megabytes_is_refused_in_persian()
    {
        var page = RenderPage<ImportPage>();

        Upload(page, new byte[WorkbookPackage.MaxFileBytes + 1]);

        page.WaitForAssertion(() => Assert.Contains("بیشینه حجم پذیرفتنی ۱۰ مگابایت", page.Find("[data-testid=problem-table]").TextContent, StringComparison.Ordinal));
    }

    private static void Upload(IRenderedComponent<ImportPage> page, byte[] content) =>
        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(content, "agreement.xlsx"));

    private async Task<byte[]> ExportAsync(string title)
    {
        await using var db = NewDbContext();
        var version = await AgreementStore.WithEverything(AgreementStore.ReadingVersions(db)).SingleAsync(v => v.Agreement.EService.Title == title);
        var service = await db.Services.Include(s => s.Recipients).SingleAsync(s => s.Title == title);
        return AgreementWorkbookExporter.Export(AgreementWorkbookModel.FromVersion(version, service.Recipients.Select(r => r.Name), ServiceCard.Of(service)), "a");
    }
}
