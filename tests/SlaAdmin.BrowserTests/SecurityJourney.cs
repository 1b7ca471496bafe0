using Microsoft.Playwright;

namespace SlaAdmin.BrowserTests;

/// <summary>The app under its Content-Security-Policy in real Chromium: interactive, and nothing refused.</summary>
public sealed class SecurityJourney(AppServer app) : IClassFixture<AppServer>
{
    [Fact]
    public async Task The_app_works_under_its_content_security_policy_without_a_single_refusal()
    {
        var page = await app.NewPageAsync();
        var signInPage = await page.GotoAsync("/Account/Login");
        Assert.Contains("script-src 'self' 'nonce-", await signInPage!.HeaderValueAsync("content-security-policy"), StringComparison.Ordinal);

        await AppServer.SignInAsync(page, "admin", "Admin#1403");
        await page.GetByTestId("user-name").WaitForAsync();

        // The users page is interactive (the circuit runs): the role list opens and closes.
        await page.GotoAsync("/admin/users");
        await page.GetByTestId("user-row").First.WaitForAsync();
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined");
        // The list opens on the live circuit only; the first click may land on the prerendered page (home, static
        // now, no longer starts a circuit before this page does).
        var option = page.GetByRole(AriaRole.Option, new() { Name = "کارشناس حقوقی" });
        for (var attempt = 0; attempt < 10 && !await option.IsVisibleAsync(); attempt++)
        {
            await page.GetByLabel("نقش").First.ClickAsync();
            await page.WaitForTimeoutAsync(500);
        }
        await Assertions.Expect(option).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Escape");
        await AppServer.ScreenshotAsync(page, "20-users-under-csp");

        // Enhanced navigation and a search in the catalogue, still under the same policy.
        await page.GotoAsync("/catalogue");
        await page.GetByTestId("catalogue-grid").Locator("a.service-title").First.WaitForAsync();
        await page.GetByLabel("جستجو").FillAsync("گواهی");
        await page.WaitForURLAsync(url => url.Contains("q=", StringComparison.Ordinal));
        await page.GetByTestId("catalogue-grid").Locator("a.service-title").First.WaitForAsync();

        Assert.Empty(app.PolicyViolations);
        Assert.Empty(app.PageErrors);
    }
}
