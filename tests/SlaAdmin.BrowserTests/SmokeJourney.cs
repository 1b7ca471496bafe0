namespace SlaAdmin.BrowserTests;

public sealed class SmokeJourney(AppServer app) : IClassFixture<AppServer>
{
    [Fact]
    public async Task Sign_in_page_is_persian_and_right_to_left()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        Assert.Contains("/Account/Login", page.Url, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("rtl", await page.GetAttributeAsync("html", "dir"));
        await AppServer.ScreenshotAsync(page, "00-sign-in");
    }
}
