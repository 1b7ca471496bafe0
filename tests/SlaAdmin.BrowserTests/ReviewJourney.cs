using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SlaAdmin.Auth;
using SlaAdmin.Data;
using SlaAdmin.Features.Agreements;
using SlaAdmin.Features.Review;

namespace SlaAdmin.BrowserTests;

/// <summary>A legal reviewer comments on a clause of a version in review and finds it in the queue.</summary>
public sealed class ReviewJourney(AppServer app) : IClassFixture<AppServer>
{
    [Fact]
    public async Task A_reviewer_comments_on_a_clause_and_sees_the_version_in_the_queue()
    {
        var agreementId = await SubmitADraftAsync();
        var page = await app.NewPageAsync();
        await AppServer.SignInAsync(page, "legal", "Legal#1403");

        await page.GotoAsync($"/agreements/{agreementId}/review");
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined");
        await Assertions.Expect(page.GetByTestId("approve")).ToBeVisibleAsync();
        var clause = page.GetByTestId("clause").Nth(3);
        await clause.GetByTestId("start-thread").ClickAsync();
        await page.Locator("textarea[data-testid=comment-text]").FillAsync("مهلت پاسخ روشن نیست؛ چند روز کاری؟");
        await page.GetByTestId("comment-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("thread")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("comment-by").First).ToHaveTextAsync("legal");
        await page.GetByTestId("thread").ScrollIntoViewIfNeededAsync();
        await AppServer.ScreenshotAsync(page, "40-review-thread");
        await clause.ScreenshotAsync(new() { Path = Path.Combine(AppServer.ArtifactsFolder, "40-review-thread-clause.png") });

        await page.GotoAsync("/review");
        await Assertions.Expect(page.GetByTestId("queue-entry")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("queue-open")).ToHaveTextAsync("۱");
        await AppServer.ScreenshotAsync(page, "41-review-queue");

        Assert.Empty(app.PageErrors);
    }

    /// <summary>No page starts a draft yet, so the administrator's steps go through the services.</summary>
    private async Task<int> SubmitADraftAsync()
    {
        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        var users = services.GetRequiredService<UserManager<ApplicationUser>>();
        var admin = await services.GetRequiredService<SignInManager<ApplicationUser>>().CreateUserPrincipalAsync((await users.FindByNameAsync("admin"))!);
        await using var db = await services.GetRequiredService<IDbContextFactory<SlaDbContext>>().CreateDbContextAsync();
        var agreementId = await db.Agreements.OrderBy(a => a.Id).Select(a => a.Id).FirstAsync();
        var draft = await services.GetRequiredService<AgreementLifecycle>().StartDraftAsync(agreementId, admin);
        Assert.True(draft.Succeeded, draft.Message);
        var submitted = await services.GetRequiredService<LegalReview>().SubmitAsync(agreementId, draft.Stamp!.Value, admin);
        Assert.True(submitted.Succeeded, submitted.Message);
        return agreementId;
    }
}
