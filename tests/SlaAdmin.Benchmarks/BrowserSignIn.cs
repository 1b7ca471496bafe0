using Microsoft.Playwright;

namespace SlaAdmin.Benchmarks;

/// <summary>Signs a Chromium page in through the real sign-in page; the reading benchmark and the browser tests share it.</summary>
public static class BrowserSignIn
{
    public static async Task SignInAsync(IPage page, string userName, string password)
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("نام کاربری یا رایانامه").First.FillAsync(userName);
        await page.GetByLabel("گذرواژه").First.FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "ورود", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase));
    }
}
