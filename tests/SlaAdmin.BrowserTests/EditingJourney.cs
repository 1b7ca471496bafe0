using Microsoft.Playwright;

namespace SlaAdmin.BrowserTests;

public sealed class EditingJourney(AppServer app) : IClassFixture<AppServer>
{
    private const string NewText = "سازمان متعهد می‌شود هر درخواست کامل را ظرف ۷۲ ساعت پاسخ دهد.";

    // The app bar and the sticky toolbar would cover part of a tall element scrolled into view.
    private static Task ShotAsync(ILocator element, string name) =>
        element.ScreenshotAsync(new LocatorScreenshotOptions
        {
            Path = Path.Combine(AppServer.ArtifactsFolder, $"{name}.png"),
            Style = ".mud-appbar { visibility: hidden !important; } .edit-toolbar { position: static !important; }",
        });

    /// <summary>
    /// Opens the agreement whose page names <paramref name="serviceTitle"/>. By its address rather than through
    /// the catalogue, whose grid does not load on SQLite on this branch (a query SQLite cannot translate).
    /// </summary>
    private static async Task OpenAgreementAsync(IPage page, string serviceTitle)
    {
        for (var id = 1; id <= 10; id++)
        {
            await page.GotoAsync($"/agreements/{id}");
            var heading = page.GetByTestId("version-status").Or(page.GetByText("توافقنامه‌ای با این شناسه پیدا نشد."));
            await heading.First.WaitForAsync();
            if (await page.Locator("h1 + *").First.TextContentAsync() is { } names && names.Contains(serviceTitle, StringComparison.Ordinal)) return;
        }
        throw new InvalidOperationException($"No agreement page names «{serviceTitle}».");
    }

    /// <summary>The edit page of the agreement on screen, with a draft started from the version in force.</summary>
    private static async Task StartEditingAsync(IPage page)
    {
        await page.GetByTestId("edit-agreement").ClickAsync();
        await page.WaitForURLAsync("**/edit");
        await page.GetByTestId("start-draft").ClickAsync();
        await page.GetByTestId("edit-toolbar").WaitForAsync();
    }

    [Fact]
    public async Task Administrator_edits_the_first_provider_obligation_of_000_saves_and_publishes_version_2()
    {
        var page = await app.NewPageAsync();
        await AppServer.SignInAsync(page, "admin", "Admin#1403");
        await OpenAgreementAsync(page, "صدور گواهی احراز اصالت و سلامت اداری");
        await StartEditingAsync(page);
        await Assertions.Expect(page.GetByTestId("version-status")).ToContainTextAsync("نسخه ۲");
        await AppServer.ScreenshotAsync(page, "20-edit-page");
        await AppServer.ScreenshotAsync(page, "20-edit-page-top", fullPage: false);
        await ShotAsync(page.GetByTestId("section-Letterhead"), "21-letterhead-editor");
        await ShotAsync(page.GetByTestId("section-Introduction"), "22-prose-editor");
        await ShotAsync(page.GetByTestId("section-Responsibility"), "23-legal-basis-editor");
        await ShotAsync(page.GetByTestId("section-Obligations"), "24-obligations-editor");
        await ShotAsync(page.GetByTestId("section-Termination"), "25-termination-clause-count");

        var first = page.GetByTestId("obligations-editor-Provider").Locator("textarea[data-testid=obligation-text]").First;
        await first.FillAsync("");
        await first.PressAsync("Tab");
        await Assertions.Expect(page.GetByTestId("problems")).ToContainTextAsync("متن تعهد را بنویسید.");
        await ShotAsync(page.GetByTestId("problems"), "26-problems-summary");
        await ShotAsync(page.GetByTestId("obligations-editor-Provider").GetByTestId("obligation-row").First, "27-problem-beside-the-row");

        await first.FillAsync(NewText);
        await first.PressAsync("Tab");
        await Assertions.Expect(page.GetByTestId("problems")).ToHaveCountAsync(0);
        await page.GetByTestId("save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("edit-message")).ToContainTextAsync("ذخیره شد");
        await ShotAsync(page.GetByTestId("edit-toolbar"), "28-saved-toolbar");

        // Publishing needs a legal reviewer's approval: the administrator submits and the reviewer approves
        // (the review screens have their own journey), then the administrator publishes here.
        await app.ApproveWorkingVersionAsync(AppServer.AgreementIdOf(page));
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByTestId("publish")).ToBeEnabledAsync();
        await page.GetByTestId("publish").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToContainTextAsync("نسخه ۲ منتشر و در حال اجرا می‌شود");
        await AppServer.ScreenshotAsync(page, "29-publish-confirmation", fullPage: false);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "انتشار", Exact = true }).ClickAsync();

        await page.WaitForURLAsync(url => url.Contains("/agreements/", StringComparison.Ordinal) && !url.EndsWith("/edit", StringComparison.Ordinal));
        // In force now; 000's validity ended in 1400, so the page calls it expired rather than published.
        await Assertions.Expect(page.GetByTestId("version-status")).ToContainTextAsync("نسخه ۲، منقضی");
        await Assertions.Expect(page.GetByTestId("not-in-force")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("obligations-Provider").GetByTestId("obligation").First).ToContainTextAsync(NewText);
        await Assertions.Expect(page.GetByTestId("never-published")).ToHaveCountAsync(0);
        await AppServer.ScreenshotAsync(page, "30-published-version-2");
        Assert.Empty(app.PageErrors);
    }

    [Fact]
    public async Task Before_its_circuit_is_live_the_edit_page_shows_progress_and_no_field_to_type_into()
    {
        // Without scripts the browser shows what the server prerenders, and stays there.
        var page = await app.NewPageAsync(javaScript: false);
        await AppServer.SignInAsync(page, "admin", "Admin#1403");
        await page.GotoAsync("/agreements/1/edit");

        await Assertions.Expect(page.Locator(".mud-main-content .mud-progress-linear")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("loading")).ToHaveTextAsync("ویرایشگر توافقنامه آماده می‌شود…");
        await Assertions.Expect(page.Locator(".mud-main-content textarea, .mud-main-content input:not([type=hidden])")).ToHaveCountAsync(0);
        await AppServer.ScreenshotAsync(page, "19-edit-page-prerendered", fullPage: false);
    }

    [Fact]
    public async Task The_governorates_definitions_and_appendix_editors_show_their_rows()
    {
        var page = await app.NewPageAsync();
        await AppServer.SignInAsync(page, "admin", "Admin#1403");
        await OpenAgreementAsync(page, "استانداری خراسان جنوبی");
        await StartEditingAsync(page);

        await Assertions.Expect(page.GetByTestId("definitions-editor").GetByTestId("definition-row")).ToHaveCountAsync(7);
        await ShotAsync(page.GetByTestId("section-Definitions"), "31-definitions-editor");
        await page.GetByTestId("add-appendix").ClickAsync();
        await Assertions.Expect(page.GetByTestId("appendix-editor").GetByTestId("appendix-row")).ToHaveCountAsync(1);
        await ShotAsync(page.GetByTestId("section-Appendix"), "32-appendix-editor");
        await ShotAsync(page.GetByTestId("section-Data").Or(page.GetByTestId("section-Performance")).First, "33-structured-placeholder");
        await AppServer.ScreenshotAsync(page, "34-edit-page-governorate");

        // A colleague saves the same draft meanwhile: this page's save shows their change and keeps mine on request.
        var colleague = await app.NewPageAsync();
        await AppServer.SignInAsync(colleague, "admin", "Admin#1403");
        await colleague.GotoAsync(page.Url);
        // Publish is enabled only on the live circuit: typing before it would go nowhere.
        await Assertions.Expect(colleague.GetByTestId("submit")).ToBeEnabledAsync();
        var theirTerm = colleague.GetByTestId("definitions-editor").Locator("input[data-testid=term]").First;
        await theirTerm.FillAsync("ارائه‌دهنده خدمت");
        await theirTerm.PressAsync("Tab");
        await colleague.GetByTestId("save").ClickAsync();
        await Assertions.Expect(colleague.GetByTestId("edit-message")).ToContainTextAsync("ذخیره شد");

        var appendix = page.GetByTestId("appendix-editor").Locator("textarea[data-testid=appendix-text]").First;
        await appendix.FillAsync("صدور پروانه کسب");
        await appendix.PressAsync("Tab");
        await page.GetByTestId("save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("conflict")).ToContainTextAsync("ارائه‌دهنده خدمت");
        await ShotAsync(page.GetByTestId("conflict"), "35-conflict-panel");
        await page.GetByTestId("reapply").ClickAsync();
        await page.GetByTestId("save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("edit-message")).ToContainTextAsync("ذخیره شد");
        await Assertions.Expect(page.GetByTestId("definitions-editor").Locator("input[data-testid=term]").First).ToHaveValueAsync("ارائه‌دهنده خدمت");
        Assert.Empty(app.PageErrors);
    }
}
