using AngleSharp.Dom;
using Bunit;
using SlaAdmin.Data.Entities;
using SlaAdmin.Features.Catalogue;
using SlaAdmin.Tests.TestSupport;

namespace SlaAdmin.Tests.Features.Catalogue;

public class CataloguePageTests : PageTestContext
{
    private IRenderedComponent<CataloguePage> Open(string url, int expectedRows)
    {
        Navigation.NavigateTo(url);
        var page = RenderPage<CataloguePage>();
        page.WaitForAssertion(() => Assert.Equal(expectedRows, Titles(page).Count));
        return page;
    }

    private static List<string> Titles(IRenderedComponent<CataloguePage> page) =>
        page.FindAll("tbody a[href^='/services/']").Select(a => a.TextContent.Trim()).ToList();

    private static IElement RowOf(IRenderedComponent<CataloguePage> page, string title) =>
        page.FindAll("tbody tr").Single(tr => tr.QuerySelector("a[href^='/services/']")?.TextContent.Trim() == title);

    [Fact]
    public async Task Catalogue_lists_every_service_with_its_agreement_in_persian()
    {
        await using (var db = NewDbContext()) await TestAgreements.AddAsync(db);

        var page = Open("/catalogue", expectedRows: 4);

        var smart = RowOf(page, "توسعه و پشتیبانی سامانه‌های ملی ارائه خدمات هوشمند").TextContent;
        Assert.Contains(TestAgreements.Ito, smart);
        Assert.Contains("فعال", smart);
        Assert.Contains("منتشرشده", smart);
        Assert.Contains("۱۴۰۳/۱۲/۳۰", smart);
        Assert.Contains("۹", smart); // six provider and three recipient obligations

        var approval = RowOf(page, "صدور تاییدیه فنی نرم‌افزار").TextContent;
        Assert.Contains("تا پایان دولت یازدهم", approval);

        var certificate = RowOf(page, "صدور گواهی احراز اصالت و سلامت اداری").TextContent;
        Assert.Contains("غیرفعال", certificate);
        Assert.Contains("بدون توافقنامه", certificate);
    }

    [Fact]
    public async Task Search_with_arabic_yeh_finds_persian_title()
    {
        await using (var db = NewDbContext()) await TestAgreements.AddAsync(db);

        var page = Open("/catalogue?q=" + Uri.EscapeDataString("گواهي"), expectedRows: 1);

        Assert.Equal(["صدور گواهی احراز اصالت و سلامت اداری"], Titles(page));
    }

    [Fact]
    public async Task Typing_a_search_narrows_the_rows_and_puts_the_term_in_the_url()
    {
        await using (var db = NewDbContext()) await TestAgreements.AddAsync(db);
        var page = Open("/catalogue", expectedRows: 4);

        page.Find("input[data-testid=search]").Input("تاييديه فني");

        page.WaitForAssertion(() => Assert.Equal(["صدور تاییدیه فنی نرم‌افزار"], Titles(page)), TimeSpan.FromSeconds(5));
        Assert.Contains("q=" + Uri.EscapeDataString("تاييديه فني"), Navigation.Uri);
    }

    [Fact]
    public async Task Sort_and_direction_in_the_url_order_the_rows()
    {
        await using (var db = NewDbContext()) await TestAgreements.AddAsync(db);

        var page = Open("/catalogue?sort=Provider&desc=true", expectedRows: 4);

        // «سازمان …» sorts after «استانداری …», so descending puts the governorate last.
        Assert.Equal("توافقنامه سطح خدمات استانداری خراسان جنوبی", Titles(page)[^1]);
        Assert.Contains("mud-direction-desc", page.FindAll("th").Single(th => th.TextContent.Contains("دستگاه ارائه‌دهنده")).InnerHtml);
    }

    [Fact]
    public async Task Page_and_size_in_the_url_select_the_rows()
    {
        await using (var db = NewDbContext())
        {
            var arranged = await TestAgreements.AddAsync(db);
            for (var i = 1; i <= 12; i++)
            {
                db.Services.Add(new EService { Title = $"خدمت آزمایشی {i:00}", ProviderId = arranged.Smart.ProviderId });
            }
            await db.SaveChangesAsync();
        }

        // Sixteen services by title (ت، خ، ص): page 2 of 10 holds the last six.
        var page = Open("/catalogue?page=2&size=10", expectedRows: 6);

        Assert.Equal(
            ["خدمت آزمایشی 09", "خدمت آزمایشی 10", "خدمت آزمایشی 11", "خدمت آزمایشی 12", "صدور تاییدیه فنی نرم‌افزار", "صدور گواهی احراز اصالت و سلامت اداری"],
            Titles(page));
    }

    [Fact]
    public async Task Status_in_the_url_filters_the_rows()
    {
        await using (var db = NewDbContext()) await TestAgreements.AddAsync(db);

        var page = Open("/catalogue?status=Inactive", expectedRows: 1);

        Assert.Equal(["صدور گواهی احراز اصالت و سلامت اداری"], Titles(page));
    }

    [Fact]
    public async Task Provider_in_the_url_filters_the_rows()
    {
        TestAgreements.Arranged arranged;
        await using (var db = NewDbContext()) arranged = await TestAgreements.AddAsync(db);

        var page = Open($"/catalogue?provider={arranged.Governorate.ProviderId}", expectedRows: 1);

        Assert.Equal(["توافقنامه سطح خدمات استانداری خراسان جنوبی"], Titles(page));
    }

    [Fact]
    public async Task Expiring_in_the_url_keeps_agreements_ending_within_that_many_days()
    {
        await using (var db = NewDbContext()) await TestAgreements.AddAsync(db);

        // Today is 1403/10/11; only 001-like's 1403/12/30 is within 90 days.
        var page = Open("/catalogue?expiring=90", expectedRows: 1);

        Assert.Equal(["توسعه و پشتیبانی سامانه‌های ملی ارائه خدمات هوشمند"], Titles(page));
        Assert.Contains("۹۰ روز", page.Find("[data-testid=expiring-chip]").TextContent);
    }

    [Fact]
    public async Task Clicking_a_column_header_sorts_and_records_the_sort_in_the_url()
    {
        await using (var db = NewDbContext()) await TestAgreements.AddAsync(db);
        var page = Open("/catalogue", expectedRows: 4);

        page.FindAll("th").Single(th => th.TextContent.Contains("پایان اعتبار")).QuerySelector(".sortable-column-header")!.Click();

        page.WaitForAssertion(() => Assert.Contains("sort=ValidUntil", Navigation.Uri));
        // Ascending by end date: the governorate's 1398 before 1403.
        page.WaitForAssertion(() =>
        {
            var titles = Titles(page);
            Assert.True(titles.IndexOf("توافقنامه سطح خدمات استانداری خراسان جنوبی") < titles.IndexOf("توسعه و پشتیبانی سامانه‌های ملی ارائه خدمات هوشمند"));
        });
    }

    [Fact]
    public async Task Excel_link_carries_the_same_filter()
    {
        await using (var db = NewDbContext()) await TestAgreements.AddAsync(db);

        var page = Open("/catalogue?q=" + Uri.EscapeDataString("سامانه") + "&status=Active&sort=ValidUntil&page=1", expectedRows: 1);

        var href = page.Find("[data-testid=export]").GetAttribute("href") ?? "";
        Assert.Equal("/export/catalogue.xlsx?q=" + Uri.EscapeDataString("سامانه") + "&status=Active&sort=ValidUntil", href);
        Assert.Equal(CatalogueQueryString.Parse(href[href.IndexOf('?', StringComparison.Ordinal)..]), new CatalogueFilter("سامانه", null, ServiceStatus.Active, CatalogueSort.ValidUntil));
    }

    [Fact]
    public async Task A_search_that_finds_nothing_says_so_in_persian()
    {
        await using (var db = NewDbContext()) await TestAgreements.AddAsync(db);

        var page = Open("/catalogue?q=" + Uri.EscapeDataString("هواشناسی"), expectedRows: 0);

        page.WaitForAssertion(() => Assert.Contains("خدمتی با این جستجو و پالایش پیدا نشد", page.Find("[data-testid=empty]").TextContent));
    }
}
