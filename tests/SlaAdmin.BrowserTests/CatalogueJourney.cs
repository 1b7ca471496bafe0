using Microsoft.Playwright;

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
    public async Task Viewer_finds_the_certificate_agreement_with_arabic_yeh_and_sees_its_ten_provider_obligations()
    {
        var page = await app.NewPageAsync();
        await AppServer.SignInAsync(page, "viewer", "Viewer#1403");
        await page.GetByTestId("user-name").WaitForAsync();
        await AppServer.ScreenshotAsync(page, "01-home");

        // Every dated seed has ended by now (the latest on 1403/12/30); 002's end is unknown, so it is not among them.
        await page.GetByTestId("stat-expired").ClickAsync();
        await page.WaitForURLAsync("**/catalogue?expired=1");
        await Assertions.Expect(page.GetByTestId("catalogue-grid").Locator("a.service-title")).ToHaveCountAsync(4);
        await Assertions.Expect(page.GetByTestId("expired-chip")).ToBeVisibleAsync();
        await AppServer.ScreenshotAsync(page, "02a-catalogue-expired");

        await page.GotoAsync("/catalogue");
        var grid = page.GetByTestId("catalogue-grid");
        await grid.Locator("a.service-title").First.WaitForAsync();
        await AppServer.ScreenshotAsync(page, "02-catalogue");

        // Typed with the Arabic yeh «ي», as text pasted from many Iranian systems arrives.
        await page.GetByLabel("جستجو").FillAsync("گواهي");
        await page.WaitForURLAsync(url => url.Contains("q=", StringComparison.Ordinal));
        var titles = grid.Locator("a.service-title");
        await Assertions.Expect(titles).ToHaveCountAsync(1);
        await Assertions.Expect(titles.First).ToContainTextAsync("صدور گواهی احراز اصالت و سلامت اداری");
        await AppServer.ScreenshotAsync(page, "03-catalogue-search");

        // The export holds exactly the rows the grid shows.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export").ClickAsync());
        var path = Path.Combine(AppServer.ArtifactsFolder, "catalogue-search.xlsx");
        await download.SaveAsAsync(path);
        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
        using (var workbook = new ClosedXML.Excel.XLWorkbook(path))
        {
            var sheet = workbook.Worksheet(1);
            Assert.True(sheet.RightToLeft);
            Assert.Equal(1, sheet.Tables.Single().DataRange.RowCount());
            Assert.Contains("صدور گواهی احراز اصالت و سلامت اداری", sheet.Tables.Single().DataRange.FirstRow().Cell(1).GetString(), StringComparison.Ordinal);
        }

        await titles.First.ClickAsync();
        await page.WaitForURLAsync("**/services/*");
        // The service desk's test id sits on its <dd>; the link is inside it. No source states the service's types.
        await Assertions.Expect(page.GetByTestId("service-desk").Locator("a")).ToHaveAttributeAsync("href", "https://ito.gov.ir/Home/ServiceDesk");
        await Assertions.Expect(page.GetByTestId("types")).ToHaveTextAsync("نامشخص");
        await AppServer.ScreenshotAsync(page, "04-service");

        await page.GetByTestId("agreement-link").ClickAsync();
        await page.WaitForURLAsync("**/agreements/*");
        var providerObligations = page.GetByTestId("obligations-Provider").GetByTestId("obligation");
        await Assertions.Expect(providerObligations).ToHaveCountAsync(10);
        await Assertions.Expect(page.GetByTestId("clause-count")).ToHaveTextAsync("این توافقنامه در نه بند تدوین شده است.");
        await Assertions.Expect(page.GetByTestId("validity")).ToContainTextAsync("۱۴۰۰/۱۲/۲۹");
        await AppServer.ScreenshotAsync(page, "05-agreement-certificate");

        // Administrators' pages are refused on the server, not only hidden from the menu.
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "کاربران" }).CountAsync());
        await page.GotoAsync("/admin/users");
        await Assertions.Expect(page.GetByText("دسترسی ندارید").First).ToBeVisibleAsync();
        await AppServer.ScreenshotAsync(page, "07-access-denied");

        await page.GotoAsync("/no-such-page");
        await Assertions.Expect(page.GetByText("صفحه‌ای که می‌خواستید پیدا نشد")).ToBeVisibleAsync();
        await AppServer.ScreenshotAsync(page, "08-not-found");
    }

    [Fact]
    public async Task The_governorate_agreement_numbers_its_definitions_three_and_states_no_clause_count()
    {
        var page = await app.NewPageAsync();
        await AppServer.SignInAsync(page, "legal", "Legal#1403");
        await page.GotoAsync("/catalogue?q=" + Uri.EscapeDataString("خراسان"));
        await page.Locator("a.service-title").First.ClickAsync();
        await page.WaitForURLAsync("**/services/*");
        await Assertions.Expect(page.GetByTestId("costs")).ToHaveTextAsync("نامشخص");
        await Assertions.Expect(page.GetByTestId("service-desk").Locator("a")).ToHaveAttributeAsync("href", "https://SKO.IR");
        await AppServer.ScreenshotAsync(page, "09-service-khorasan");
        await page.GetByTestId("agreement-link").ClickAsync();
        await Assertions.Expect(page.GetByTestId("section-Definitions")).ToContainTextAsync("۳. تعاریف");
        await Assertions.Expect(page.GetByTestId("validity")).ToContainTextAsync("۱۳۹۸/۱۲/۲۹");
        Assert.Equal(0, await page.GetByTestId("clause-count").CountAsync());
        await AppServer.ScreenshotAsync(page, "06-agreement-khorasan");
    }
}
