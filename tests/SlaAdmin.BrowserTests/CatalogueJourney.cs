namespace SlaAdmin.BrowserTests;

public sealed class CatalogueJourney(AppServer app) : IClassFixture<AppServer>
{
    [Fact]
    public async Task Sign_in_page_is_persian_and_right_to_left()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        Assert.Contains("/Account/Login", page.Url, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("rtl", await page.GetAttributeAsync("html", "dir"));
        Assert.Equal("fa", await page.GetAttributeAsync("html", "lang"));
        await AppServer.ScreenshotAsync(page, "00-sign-in");
    }

    [Fact]
    public async Task Viewer_signs_in_and_sees_the_home_page_with_their_name()
    {
        var page = await app.NewPageAsync();
        await AppServer.SignInAsync(page, "viewer", "Viewer#1403");
        await page.GetByText("viewer").First.WaitForAsync();
        await AppServer.ScreenshotAsync(page, "01-home");
    }
}
