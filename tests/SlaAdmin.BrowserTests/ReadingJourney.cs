using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace SlaAdmin.BrowserTests;

/// <summary>
/// Reading costs no circuit: home, a service and an agreement are rendered once on the server, and a
/// viewer's browser opens no Blazor connection on them; the catalogue grid and the editors stay
/// interactive, and a person moves between the two kinds of page both ways.
/// </summary>
public sealed class ReadingJourney(AppServer app) : IClassFixture<AppServer>
{
    [Fact]
    public async Task A_viewer_reads_home_a_service_and_an_agreement_without_a_circuit_and_moves_to_the_grid_and_back()
    {
        var page = await app.NewPageAsync();
        var circuits = Circuits(page);
        await AppServer.SignInAsync(page, "viewer", "Viewer#1403");
        await Assertions.Expect(page.GetByTestId("stat-services")).ToBeVisibleAsync();
        await AppServer.ScreenshotAsync(page, "60-static-home");

        // Static to interactive: the grid fills and pages on a circuit.
        await page.GetByRole(AriaRole.Link, new() { Name = "فهرست خدمات" }).ClickAsync();
        await page.WaitForURLAsync("**/catalogue");
        var titles = page.GetByTestId("catalogue-grid").Locator("a.service-title");
        await titles.First.WaitForAsync();
        await UntilAsync(page, () => circuits.Count == 1);

        // Interactive to static: a link to a service leaves the circuit for a page rendered once.
        await page.GetByLabel("جستجو").FillAsync("گواهی احراز");
        await Assertions.Expect(titles).ToHaveCountAsync(1);
        await titles.First.ClickAsync();
        await page.WaitForURLAsync("**/services/*");
        await Assertions.Expect(page.GetByTestId("provider")).ToContainTextAsync("سازمان فناوری اطلاعات ایران");
        await AppServer.ScreenshotAsync(page, "61-static-service");

        circuits.Clear();
        await page.GetByTestId("agreement-link").ClickAsync();
        await page.WaitForURLAsync("**/agreements/*");
        await Assertions.Expect(page.GetByTestId("obligations-Provider").GetByTestId("obligation")).ToHaveCountAsync(10);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await AppServer.ScreenshotAsync(page, "62-static-agreement-viewer");
        Assert.Empty(circuits);

        // Reading a fresh load of the agreement opens no connection either.
        await page.ReloadAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Empty(circuits);

        // The workbook is a plain link that downloads.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export").ClickAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);

        // The layout works without a circuit: the menu's links lead on, and sign-out is a form.
        await page.GetByRole(AriaRole.Link, new() { Name = "خانه", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("stat-services")).ToBeVisibleAsync();
        Assert.Empty(circuits);
        await page.GetByTestId("sign-out").ClickAsync();
        await page.WaitForURLAsync("**/Account/**");
        await page.GotoAsync("/");
        Assert.Contains("/Account/Login", page.Url, StringComparison.OrdinalIgnoreCase);

        Assert.Empty(app.PolicyViolations);
        Assert.Empty(app.PageErrors);
    }

    [Fact]
    public async Task An_administrator_checks_an_obligation_on_the_static_page_through_its_island_and_edits_and_comes_back()
    {
        var page = await app.NewPageAsync();
        var circuits = Circuits(page);
        await AppServer.SignInAsync(page, "admin", "Admin#1403");
        await page.GotoAsync("/catalogue?q=" + Uri.EscapeDataString("صدور تاییدیه فنی"));
        await page.GetByTestId("catalogue-grid").Locator("a.service-title").First.ClickAsync();
        await page.WaitForURLAsync("**/services/*");
        circuits.Clear();
        await page.GetByTestId("agreement-link").ClickAsync();
        await page.WaitForURLAsync("**/agreements/*");

        // The check menus are the only interactive part: one circuit for the page's islands.
        var obligation = page.GetByTestId("obligations-Provider").GetByTestId("obligation").First;
        var met = obligation.GetByTestId("check-Met");
        for (var attempt = 0; attempt < 10 && !await met.IsVisibleAsync(); attempt++)
        {
            await obligation.GetByTestId("check-menu").ClickAsync();
            await page.WaitForTimeoutAsync(500);
        }
        await AppServer.ScreenshotAsync(page, "63-static-agreement-admin-choices");
        await met.ClickAsync();
        await obligation.Locator("input[data-testid=check-note-field]").FillAsync("در بازدید");
        await obligation.GetByTestId("check-save").ClickAsync();
        await Assertions.Expect(obligation.GetByTestId("check-state")).ToHaveTextAsync("انجام شده");
        Assert.Single(circuits);
        await AppServer.ScreenshotAsync(page, "64-static-agreement-admin-checked");

        // To the editor (interactive) and back to the static page.
        await page.GetByTestId("edit-agreement").ClickAsync();
        await page.WaitForURLAsync("**/edit");
        await page.GoBackAsync();
        await page.WaitForURLAsync(url => url.EndsWith(AppServer.AgreementIdOf(page).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        await Assertions.Expect(page.GetByTestId("version-status")).ToBeVisibleAsync();

        Assert.Empty(app.PolicyViolations);
        Assert.Empty(app.PageErrors);
    }

    [Fact]
    public async Task A_version_stored_with_more_rows_than_the_limit_reads_its_first_rows_under_a_notice_on_the_page_and_on_paper()
    {
        var agreementId = await WithObligationsPastTheLimitAsync("توافقنامه سطح خدمات استانداری خراسان جنوبی", 20_000);
        var page = await app.NewPageAsync();
        await AppServer.SignInAsync(page, "viewer", "Viewer#1403");

        await page.GotoAsync($"/agreements/{agreementId}");
        await Assertions.Expect(page.GetByTestId("part-limit")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("obligation")).ToHaveCountAsync(500);
        await AppServer.ScreenshotAsync(page, "65-agreement-over-the-limit");
        await page.GotoAsync($"/agreements/{agreementId}/versions/1/print");
        await Assertions.Expect(page.GetByTestId("part-limit")).ToBeVisibleAsync();
        await AppServer.ScreenshotAsync(page, "66-print-over-the-limit", fullPage: false);

        Assert.Empty(app.PageErrors);
    }

    [Fact]
    public async Task A_draft_past_the_limits_says_on_the_review_and_the_comparison_which_rows_they_leave_out()
    {
        var agreementId = await WithObligationsPastTheLimitAsync("راهبری دریافت سرویس از مرکز ملی تبادل اطلاعات", 600);
        // A draft of it copies every row.
        await app.StartDraftAsync(agreementId);
        var legal = await app.NewPageAsync();
        await AppServer.SignInAsync(legal, "legal", "Legal#1403");
        await legal.GotoAsync($"/agreements/{agreementId}/review");
        await Assertions.Expect(legal.GetByTestId("part-limit")).ToContainTextAsync("این نسخه از حد ۵۰۰ ردیف");
        await AppServer.ScreenshotAsync(legal, "67-review-over-the-limit", fullPage: false);
        await legal.GotoAsync($"/agreements/{agreementId}/compare?from=1&to=2");
        await Assertions.Expect(legal.GetByTestId("part-limit")).ToHaveCountAsync(2);
        await Assertions.Expect(legal.GetByTestId("part-limit").Last).ToContainTextAsync("نسخه ۲ از حد ۵۰۰ ردیف");
        await AppServer.ScreenshotAsync(legal, "68-compare-over-the-limit", fullPage: false);
        Assert.Empty(app.PageErrors);
    }

    /// <summary>
    /// The id of the agreement of the service <paramref name="title"/>, after <paramref name="rows"/> obligations were written straight
    /// into its version in force, as a database from before the limits may hold them.
    /// </summary>
    private async Task<int> WithObligationsPastTheLimitAsync(string title, int rows)
    {
        using var scope = app.Services.CreateScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<SlaAdmin.Data.SlaDbContext>>().CreateDbContextAsync();
        var agreement = await db.Agreements.FirstAsync(a => a.EService.Title == title);
        await db.Database.ExecuteSqlAsync($"""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {rows})
            INSERT INTO Obligations (AgreementVersionId, ClauseId, Side, "Order", Text, Target)
            SELECT {agreement.InForceVersionId}, printf('00000000-0000-4000-8000-%012X', i), 'Provider', 100 + i, 'تعهد افزوده شماره ' || i, NULL FROM n
            """);
        return agreement.Id;
    }

    private static async Task UntilAsync(IPage page, Func<bool> condition)
    {
        for (var attempt = 0; attempt < 40 && !condition(); attempt++) await page.WaitForTimeoutAsync(250);
        Assert.True(condition());
    }

    /// <summary>The Blazor connections (circuits) the page opens, as they open.</summary>
    private static List<string> Circuits(IPage page)
    {
        var opened = new List<string>();
        page.WebSocket += (_, socket) =>
        {
            if (socket.Url.Contains("/_blazor", StringComparison.Ordinal)) lock (opened) opened.Add(socket.Url);
        };
        return opened;
    }
}
