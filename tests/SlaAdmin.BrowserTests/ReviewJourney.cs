using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SlaAdmin.Data;

namespace SlaAdmin.BrowserTests;

/// <summary>
/// A version's whole path to publication in the browser: the administrator edits an obligation of seed
/// 000 and submits; the legal reviewer comments on that obligation and sends it back; the administrator
/// fixes it and resubmits; the reviewer compares, resolves and approves; the administrator publishes;
/// a viewer sees version 2 in force and version 1 in the list of versions.
/// </summary>
public sealed class ReviewJourney(AppServer app) : IClassFixture<AppServer>
{
    private const string First = "سازمان متعهد می‌شود هر درخواست کامل را ظرف ۷۲ ساعت بررسی کند.";
    private const string Fixed = "سازمان متعهد می‌شود هر درخواست کامل را ظرف ۷۲ ساعت کاری بررسی و نتیجه را اعلام کند.";

    [Fact]
    public async Task A_version_goes_from_draft_through_review_and_back_to_publication()
    {
        var id = await CertificateAgreementIdAsync();
        var admin = await app.NewPageAsync();
        await AppServer.SignInAsync(admin, "admin", "Admin#1403");
        var legal = await app.NewPageAsync();
        await AppServer.SignInAsync(legal, "legal", "Legal#1403");

        // The administrator starts a draft, edits the first provider obligation and submits it.
        await admin.GotoAsync($"/agreements/{id}/edit");
        await Assertions.Expect(admin.GetByTestId("start-draft")).ToBeEnabledAsync();
        await admin.GetByTestId("start-draft").ClickAsync();
        await EditFirstObligationAsync(admin, First);
        await SubmitAsync(admin, id);

        // The reviewer comments on that obligation and sends the version back with a reason.
        await OpenReviewAsync(legal, id, "approve");
        var clause = legal.GetByTestId("clause").Filter(new() { HasText = First });
        await clause.GetByTestId("start-thread").ClickAsync();
        await legal.Locator("textarea[data-testid=comment-text]").FillAsync("«کاری» یا تقویمی؟ مهلت را روشن بنویسید.");
        await legal.GetByTestId("comment-save").ClickAsync();
        await Assertions.Expect(clause.GetByTestId("thread")).ToHaveCountAsync(1);
        await AppServer.ScreenshotAsync(legal, "50-review-thread");
        await legal.GetByTestId("send-back").ClickAsync();
        await legal.Locator("textarea[data-testid=reason]").FillAsync("مهلت پاسخ را روشن کنید.");
        await legal.GetByTestId("reason-confirm").ClickAsync();
        await Assertions.Expect(legal.GetByTestId("message")).ToContainTextAsync("بازگردانده شد");

        // The administrator fixes the obligation and resubmits.
        await admin.GotoAsync($"/agreements/{id}/edit");
        await Assertions.Expect(admin.GetByTestId("submit")).ToBeEnabledAsync();
        await EditFirstObligationAsync(admin, Fixed);
        // This time from the editor itself: a draft is offered for review there, not for publishing.
        Assert.Equal(0, await admin.GetByTestId("publish").CountAsync());
        await admin.GetByTestId("submit").ClickAsync();
        await admin.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "ارسال", Exact = true }).ClickAsync();
        await Assertions.Expect(admin.GetByTestId("edit-message")).ToContainTextAsync("نسخه ۲ برای بررسی حقوقی فرستاده شد.");
        await Assertions.Expect(admin.GetByTestId("in-review")).ToBeVisibleAsync();
        await AppServer.ScreenshotAsync(admin, "50b-editor-after-submitting", fullPage: false);

        // The reviewer sees the thread marked as changed since, compares, resolves and approves.
        await OpenReviewAsync(legal, id, "approve");
        var thread = legal.GetByTestId("thread").First;
        await Assertions.Expect(thread.GetByTestId("clause-changed")).ToBeVisibleAsync();
        await legal.GotoAsync($"/agreements/{id}/compare?from=1&to=2");
        await Assertions.Expect(legal.Locator("ins").Filter(new() { HasText = "کاری" }).First).ToBeVisibleAsync();
        await AppServer.ScreenshotAsync(legal, "51-compare-in-review");
        await OpenReviewAsync(legal, id, "approve");
        await legal.GetByTestId("thread").First.GetByTestId("resolve").ClickAsync();
        await Assertions.Expect(legal.GetByTestId("thread").First.GetByTestId("thread-state")).ToHaveTextAsync("حل‌شده");
        await legal.GetByTestId("approve").ClickAsync();
        await Assertions.Expect(legal.GetByTestId("message")).ToContainTextAsync("تأیید شد");

        // The administrator publishes.
        await OpenReviewAsync(admin, id, "publish");
        await admin.GetByTestId("publish").ClickAsync();
        await Assertions.Expect(admin.GetByTestId("message")).ToContainTextAsync("منتشر شد");

        // A viewer sees version 2 in force and version 1 superseded in the list of versions.
        var viewer = await app.NewPageAsync();
        await AppServer.SignInAsync(viewer, "viewer", "Viewer#1403");
        await viewer.GotoAsync($"/agreements/{id}");
        await Assertions.Expect(viewer.GetByTestId("version-status")).ToContainTextAsync("نسخه ۲");
        await Assertions.Expect(viewer.GetByTestId("obligations-Provider").GetByTestId("obligation").First).ToContainTextAsync(Fixed);
        var versions = viewer.GetByTestId("version-list").GetByTestId("version-row");
        await Assertions.Expect(versions).ToHaveCountAsync(2);
        await Assertions.Expect(viewer.GetByTestId("version-list")).ToContainTextAsync("جایگزین‌شده");
        Assert.Equal(0, await viewer.GetByTestId("review-link").CountAsync());
        await AppServer.ScreenshotAsync(viewer, "52-viewer-version-2-in-force");

        await legal.GotoAsync("/review");
        await Assertions.Expect(legal.GetByTestId("queue-entry")).ToHaveCountAsync(0);
        Assert.Empty(app.PolicyViolations);
        Assert.Empty(app.PageErrors);
    }

    private static async Task EditFirstObligationAsync(IPage page, string text)
    {
        var first = page.GetByTestId("obligations-editor-Provider").Locator("textarea[data-testid=obligation-text]").First;
        await first.FillAsync(text);
        await first.PressAsync("Tab");
        await page.GetByTestId("save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("edit-message")).ToContainTextAsync("ذخیره شد");
    }

    private static async Task SubmitAsync(IPage page, int id)
    {
        await OpenReviewAsync(page, id, "submit");
        await page.GetByTestId("submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("message")).ToContainTextAsync("فرستاده شد");
    }

    /// <summary>Opens the review screen and waits for the live circuit (the action button is enabled only then).</summary>
    private static async Task OpenReviewAsync(IPage page, int id, string action)
    {
        await page.GotoAsync($"/agreements/{id}/review");
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined");
        await Assertions.Expect(page.GetByTestId(action)).ToBeEnabledAsync();
    }

    private async Task<int> CertificateAgreementIdAsync()
    {
        using var scope = app.Services.CreateScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<SlaDbContext>>().CreateDbContextAsync();
        return await db.Agreements.Where(a => a.EService.Title == "صدور گواهی احراز اصالت و سلامت اداری").Select(a => a.Id).SingleAsync();
    }
}
