using ClosedXML.Excel;
using Microsoft.Playwright;

namespace SlaAdmin.BrowserTests;

public sealed class WorkbookJourney(AppServer app) : IClassFixture<AppServer>
{
    [Fact]
    public async Task Administrator_downloads_an_agreement_workbook_edits_it_offline_and_imports_it_as_a_new_version()
    {
        var page = await app.NewPageAsync();
        await AppServer.SignInAsync(page, "admin", "Admin#1403");

        await page.GotoAsync("/catalogue?q=" + Uri.EscapeDataString("تاییدیه فنی"));
        await page.Locator("a.service-title").First.ClickAsync();
        await page.GetByTestId("agreement-link").ClickAsync();
        await page.WaitForURLAsync("**/agreements/*");
        await page.GetByTestId("iban-invalid").WaitForAsync();
        await AppServer.ScreenshotAsync(page, "10-agreement-software-approval");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export").ClickAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
        Assert.Contains("تاییدیه", download.SuggestedFilename, StringComparison.Ordinal);
        var path = Path.Combine(AppServer.ArtifactsFolder, "agreement-software-approval.xlsx");
        await download.SaveAsAsync(path);

        using (var workbook = new XLWorkbook(path))
        {
            var obligations = workbook.Worksheet("تعهدات");
            Assert.True(obligations.RightToLeft);
            Assert.Equal(14, obligations.Table(0).DataRange.RowCount());
            var cell = obligations.Table(0).DataRange.Cell(1, 3);
            cell.Value = cell.GetString() + " (بازبینی ۱۴۰۵)";
            workbook.Save();
        }

        await page.GotoAsync("/agreements/import");
        await AppServer.ChooseWorkbookAsync(page, path);
        await page.GetByTestId("import-apply").WaitForAsync();
        await AppServer.ScreenshotAsync(page, "11-import-preview");
        await page.GetByTestId("import-apply").ClickAsync();
        await Assertions.Expect(page.GetByTestId("import-outcome")).ToContainTextAsync("نسخه ۲");
        await AppServer.ScreenshotAsync(page, "12-import-applied");

        await page.GetByRole(AriaRole.Link, new() { Name = "کاربران" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("user-row")).ToHaveCountAsync(3);
        await AppServer.ScreenshotAsync(page, "13-users");
    }
}
