using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SlaAdmin.Data;

namespace SlaAdmin.BrowserTests;

/// <summary>A long import in the browser: over the limit it is refused with the limit named; at the limit the preview counts first and pages its rows, and keeps its own address.</summary>
public sealed class BoundedImportJourney(AppServer app) : IClassFixture<AppServer>
{
    [Fact]
    public async Task Administrator_imports_five_hundred_obligations_through_a_paged_preview_after_six_hundred_are_refused()
    {
        var page = await app.NewPageAsync();
        await AppServer.SignInAsync(page, "admin", "Admin#1403");
        int id;
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<SlaDbContext>>().CreateDbContextAsync())
            id = await db.Agreements.Where(a => a.EService.Title == "صدور تاییدیه فنی نرم‌افزار").Select(a => a.Id).SingleAsync();
        // The workbook through the signed-in browser's own cookies, whatever the agreement page's button looks like.
        var response = await page.APIRequest.GetAsync($"/export/agreements/{id}.xlsx");
        Assert.True(response.Ok);
        var exported = Path.Combine(AppServer.ArtifactsFolder, "bounded-export.xlsx");
        await File.WriteAllBytesAsync(exported, await response.BodyAsync());

        await page.GotoAsync("/agreements/import");
        await AppServer.ChooseWorkbookAsync(page, WithObligations(exported, 600));
        await Assertions.Expect(page.GetByTestId("problem-table")).ToContainTextAsync("برگه «تعهدات» ۶۰۰ ردیف دارد؛ هر بخش توافقنامه بیش از ۵۰۰ ردیف نمی‌تواند داشته باشد.");
        await AppServer.ScreenshotAsync(page, "40-import-over-the-row-limit");

        await AppServer.ChooseWorkbookAsync(page, WithObligations(exported, 500));
        await page.GetByTestId("import-apply").WaitForAsync();
        await page.WaitForURLAsync("**/agreements/import/*");
        var rows = page.GetByTestId("import-part").First.Locator("tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(20);
        await AppServer.ScreenshotAsync(page, "41-import-preview-paged");
        await page.GetByTestId("import-part").First.GetByRole(AriaRole.Button, new() { Name = "صفحهٔ بعد" }).ClickAsync();
        await Assertions.Expect(rows.First).ToContainTextAsync("تعهد افزوده 21");

        // The preview's own address: reopened, it is still there (stored, not in this circuit), and applies.
        await page.ReloadAsync();
        await page.GetByTestId("import-apply").WaitForAsync();
        await Assertions.Expect(page.GetByTestId("import-apply")).ToBeEnabledAsync();
        await page.GetByTestId("import-apply").ClickAsync();
        await Assertions.Expect(page.GetByTestId("import-outcome")).ToContainTextAsync("نسخه ۲");
        await page.WaitForURLAsync(url => url.EndsWith("/agreements/import", StringComparison.Ordinal));
        await AppServer.ScreenshotAsync(page, "42-import-applied-from-its-address");
    }

    /// <summary>The exported workbook with its obligations sheet filled to <paramref name="rows"/> rows.</summary>
    private static string WithObligations(string exported, int rows)
    {
        var path = Path.Combine(AppServer.ArtifactsFolder, $"bounded-{rows}.xlsx");
        using var workbook = new XLWorkbook(exported);
        var sheet = workbook.Worksheet("تعهدات");
        var last = sheet.LastRowUsed()!.RowNumber();
        for (var row = last + 1; row <= rows + 1; row++)
        {
            sheet.Cell(row, 1).SetValue("سازمان");
            sheet.Cell(row, 2).SetValue(row);
            sheet.Cell(row, 3).SetValue($"تعهد افزوده {row - last}");
        }
        workbook.SaveAs(path);
        return path;
    }
}
