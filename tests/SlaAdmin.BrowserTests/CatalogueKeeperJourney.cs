using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace SlaAdmin.BrowserTests;

/// <summary>
/// A catalogue administrator's week in one journey: a new service with its national identifier typed in
/// Persian digits, its agreement from the national template, an obligation and a data row edited, the
/// version published (after legal approval), the service found by its identifier, two obligations checked
/// off; a viewer then sees the result and no edit control.
/// </summary>
public sealed partial class CatalogueKeeperJourney(AppServer app) : IClassFixture<AppServer>
{
    private const string Title = "صدور پروانه آزمایشی نرم‌افزار";
    private const string Obligation = "سازمان متعهد می‌شود هر درخواست کامل را ظرف ۷۲ ساعت بررسی کند.";

    [Fact]
    public async Task An_administrator_builds_a_service_and_its_agreement_in_the_browser_and_a_viewer_reads_it()
    {
        var page = await app.NewPageAsync();
        await AppServer.SignInAsync(page, "admin", "Admin#1403");
        await page.GotoAsync("/services/new");
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined");
        await Assertions.Expect(page.GetByTestId("save")).ToBeEnabledAsync();
        await page.GetByTestId("title").FillAsync(Title);
        await page.GetByTestId("national-id").FillAsync("۴۴۴۵۵۵۶۶۶۷۷");
        await Assertions.Expect(page.GetByTestId("national-id-understood")).ToContainTextAsync("44455566677");
        await page.GetByTestId("provider").FillAsync("فناوری اطلاعات");
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "سازمان فناوری اطلاعات ایران" }).First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("provider")).ToHaveValueAsync(new Regex("سازمان فناوری اطلاعات ایران"));
        await AppServer.ScreenshotAsync(page, "39-new-service-filled");
        await page.GetByTestId("save").ClickAsync();
        await page.WaitForURLAsync(ServicePage());

        // The agreement from the national template, with the service's and provider's names filled in.
        await page.GetByTestId("new-agreement").ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/edit", StringComparison.Ordinal));
        // «Send to legal review» is enabled only on the live circuit: typing before it would go nowhere.
        await Assertions.Expect(page.GetByTestId("submit")).ToBeEnabledAsync();
        await Assertions.Expect(page.GetByTestId("section-Objective")).ToContainTextAsync(Title);

        var first = page.GetByTestId("obligations-editor-Provider").Locator("textarea[data-testid=obligation-text]").First;
        await first.FillAsync(Obligation);
        await first.PressAsync("Tab");
        await page.GetByTestId("add-data-row").ClickAsync();
        var dataType = page.GetByTestId("data-editor").Locator("input[data-testid=data-type]").First;
        await dataType.FillAsync("فرم درخواست و پیوست‌ها");
        await dataType.PressAsync("Tab");
        await page.GetByTestId("save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("edit-message")).ToContainTextAsync("ذخیره شد");
        await AppServer.ScreenshotAsync(page, "40-new-agreement-edited");

        var agreementId = AppServer.AgreementIdOf(page);
        await app.ApproveWorkingVersionAsync(agreementId);
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByTestId("publish")).ToBeEnabledAsync();
        await page.GetByTestId("publish").ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "انتشار", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith($"/agreements/{agreementId}", StringComparison.Ordinal));
        await Assertions.Expect(page.GetByTestId("version-status")).ToContainTextAsync("نسخه ۱، منتشرشده");

        // Found by its identifier typed in Latin digits (the search lives in the address, as a link reproduces a view).
        await page.GotoAsync("/catalogue?q=44455566677");
        await Assertions.Expect(page.GetByLabel("جستجو")).ToHaveValueAsync("44455566677");
        var titles = page.GetByTestId("catalogue-grid").Locator("a.service-title");
        await Assertions.Expect(titles).ToHaveCountAsync(1);
        await Assertions.Expect(titles.First).ToContainTextAsync(Title);

        // Two obligations checked off on the version in force.
        await page.GotoAsync($"/agreements/{agreementId}");
        var obligations = page.GetByTestId("obligations-Provider").GetByTestId("obligation");
        await Assertions.Expect(obligations.First).ToContainTextAsync(Obligation);
        await CheckAsync(page, obligations.Nth(0), "Met", "در بازدید آذر ۱۴۰۵");
        await CheckAsync(page, obligations.Nth(1), "NotMet", null);
        await AppServer.ScreenshotAsync(page, "41-obligations-checked");

        // A viewer sees the published agreement and the checks, and no edit control.
        var viewer = await app.NewPageAsync();
        await AppServer.SignInAsync(viewer, "viewer", "Viewer#1403");
        await viewer.GotoAsync($"/agreements/{agreementId}");
        var seen = viewer.GetByTestId("obligations-Provider").GetByTestId("obligation");
        await Assertions.Expect(seen.Nth(0).GetByTestId("check-state")).ToHaveTextAsync("انجام شده");
        await Assertions.Expect(seen.Nth(1).GetByTestId("check-state")).ToHaveTextAsync("انجام نشده");
        Assert.Equal(0, await viewer.GetByTestId("check-menu").CountAsync());
        Assert.Equal(0, await viewer.GetByTestId("edit-agreement").CountAsync());
        await viewer.GotoAsync("/catalogue?q=" + Uri.EscapeDataString(Title));
        await viewer.GetByTestId("catalogue-grid").Locator("a.service-title").First.ClickAsync();
        await viewer.WaitForURLAsync(ServicePage());
        Assert.Equal(0, await viewer.GetByTestId("edit-link").CountAsync());
        await Assertions.Expect(viewer.GetByTestId("national-id")).ToContainTextAsync("۴۴۴۵۵۵۶۶۶۷۷");
        await AppServer.ScreenshotAsync(viewer, "42-viewer-service");

        Assert.Empty(app.PolicyViolations);
        Assert.Empty(app.PageErrors);
    }

    private static async Task CheckAsync(IPage page, ILocator obligation, string state, string? note)
    {
        // The menu opens on the live circuit only; the first click may land on the prerendered page.
        var item = page.GetByTestId($"check-{state}");
        for (var attempt = 0; attempt < 10 && !await item.IsVisibleAsync(); attempt++)
        {
            await obligation.GetByTestId("check-menu").ClickAsync();
            await page.WaitForTimeoutAsync(500);
        }
        await item.ClickAsync();
        if (note is not null) await obligation.Locator("input[data-testid=check-note-field]").FillAsync(note);
        await obligation.GetByTestId("check-save").ClickAsync();
        await Assertions.Expect(obligation.GetByTestId("check-state")).ToBeVisibleAsync();
    }

    [GeneratedRegex(@"/services/\d+$")]
    private static partial Regex ServicePage();
}
