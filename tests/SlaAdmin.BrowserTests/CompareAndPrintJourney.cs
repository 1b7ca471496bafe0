using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SlaAdmin.Data;
using SlaAdmin.Data.Entities;
using SlaAdmin.Features.Agreements;

namespace SlaAdmin.BrowserTests;

/// <summary>A reader compares two versions of an agreement, prints the draft and the version in force, and looks up the clause library.</summary>
public sealed class CompareAndPrintJourney(AppServer app) : IClassFixture<AppServer>
{
    private const string Certificate = "صدور گواهی احراز اصالت و سلامت اداری";

    [Fact]
    public async Task A_viewer_compares_the_draft_with_the_version_in_force_prints_both_and_reads_the_library()
    {
        var (agreementId, draft) = await StartChangedDraftAsync();
        var page = await app.NewPageAsync();
        await AppServer.SignInAsync(page, "viewer", "Viewer#1403");

        await page.GotoAsync($"/agreements/{agreementId}");
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined");
        await page.GetByTestId("compare-link").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/compare", StringComparison.Ordinal));
        await Assertions.Expect(page.GetByTestId("row-Changed")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("row-Added")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("row-Moved")).ToContainTextAsync("جابه‌جا شد");
        await AppServer.ScreenshotAsync(page, "40-compare-draft-with-in-force");

        await page.GotoAsync($"/agreements/{agreementId}/versions/{draft}/print");
        await Assertions.Expect(page.GetByTestId("watermark")).ToHaveTextAsync("پیش‌نویس");
        await AppServer.ScreenshotAsync(page, "41-print-draft-screen");
        // About an A4 page's printable width, so the print-media screenshot wraps as the paper does.
        await page.SetViewportSizeAsync(700, 1000);
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        // Paper does not scroll: every column of the data table is within the document's width.
        var widths = await page.EvaluateAsync<double[]>(
            "() => ['[data-testid=data-table] table', '.print-document'].map(s => document.querySelector(s).getBoundingClientRect().width)");
        Assert.True(widths[0] <= widths[1] + 0.5, $"the data table is {widths[0]:0} px wide on a {widths[1]:0} px page");
        await AppServer.ScreenshotAsync(page, "42-print-draft-print-media");
        await page.PdfAsync(new() { Path = Path.Combine(AppServer.ArtifactsFolder, "43-print-draft.pdf"), Format = "A4", PrintBackground = true });

        await page.GotoAsync($"/agreements/{agreementId}/versions/{draft - 1}/print");
        await Assertions.Expect(page.GetByTestId("watermark")).ToHaveCountAsync(0);
        await page.PdfAsync(new() { Path = Path.Combine(AppServer.ArtifactsFolder, "44-print-published.pdf"), Format = "A4", PrintBackground = true });
        await page.EmulateMediaAsync(new() { Media = Media.Screen });
        await page.SetViewportSizeAsync(1400, 900);

        await page.GotoAsync("/library");
        await Assertions.Expect(page.GetByTestId("library-clause")).ToHaveCountAsync(15);
        await AppServer.ScreenshotAsync(page, "45-clause-library");

        Assert.Empty(app.PolicyViolations);
        Assert.Empty(app.PageErrors);
    }

    /// <summary>
    /// A draft of 000 after its version in force, made by the administrator through the app's own services:
    /// the first provider obligation reworded, a new one inserted third and the last one moved to the top.
    /// </summary>
    private async Task<(int AgreementId, int Draft)> StartChangedDraftAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var users = services.GetRequiredService<UserManager<ApplicationUser>>();
        var admin = await services.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>().CreateAsync((await users.FindByNameAsync("admin"))!);
        int agreementId;
        await using (var db = await services.GetRequiredService<IDbContextFactory<SlaDbContext>>().CreateDbContextAsync())
        {
            agreementId = await db.Agreements.Where(a => a.EService.Title == Certificate).Select(a => a.Id).SingleAsync();
        }
        var started = await services.GetRequiredService<AgreementLifecycle>().StartDraftAsync(agreementId, admin);
        Assert.True(started.Succeeded, started.Message);
        var editor = services.GetRequiredService<AgreementEditor>();
        var working = (await editor.LoadWorkingAsync(agreementId))!;
        var content = working.Content;
        var provider = content.ObligationsOf(ObligationSide.Provider).ToList();
        provider[0] = provider[0] with { Text = provider[0].Text.Replace("ارائه شده", "اعلام شده", StringComparison.Ordinal) };
        provider.Insert(2, new ObligationLine(Guid.NewGuid(), ObligationSide.Provider, 0, "سازمان متعهد می‌شود پاسخ هر درخواست را ظرف سه روز کاری بدهد.", "۳ روز کاری"));
        provider.Insert(0, provider[^1]);
        provider.RemoveAt(provider.Count - 1);
        var changed = content with
        {
            Obligations = [.. provider.Select((o, i) => o with { Order = i + 1 }), .. content.ObligationsOf(ObligationSide.Recipient)],
        };
        var saved = await editor.SaveAsync(agreementId, content, working.Stamp, changed, admin);
        Assert.True(saved.Succeeded, saved.Message);
        return (agreementId, working.Number);
    }
}
