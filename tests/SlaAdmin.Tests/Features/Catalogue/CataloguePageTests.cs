using SlaAdmin.Components.Shared;
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

    private static string RowText(IRenderedComponent<CataloguePage> page, string title) =>
        page.FindAll("tbody tr").Single(tr => tr.QuerySelector("a[href^='/services/']")?.TextContent.Trim() == title).TextContent;

    private static IElement Header(IRenderedComponent<CataloguePage> page, string title) =>
        page.FindAll("th").Single(th => th.TextContent.Contains(title, StringComparison.Ordinal));

    [Fact]
    public async Task Catalogue_lists_every_seeded_service_with_its_agreement_in_persian()
    {
        await SeedAsync();

        var page = Open("/catalogue", expectedRows: 5);

        var smart = RowText(page, Seeded.SmartServices);
        Assert.Contains(Seeded.Ito, smart);
        Assert.Contains("نامشخص", smart); // no source states a service's status
        Assert.Contains("منتشرشده", smart);
        Assert.Contains("۱۴۰۳/۱۲/۳۰", smart);
        Assert.Contains("۹", smart); // six provider and three recipient obligations
        Assert.Contains("تا پایان دولت یازدهم", RowText(page, Seeded.SoftwareApproval));
        var khorasan = RowText(page, Seeded.Khorasan);
        Assert.Contains(Seeded.Governorate, khorasan);
        Assert.Contains("۱۳۹۸/۱۲/۲۹", khorasan);
    }

    [Fact]
    public async Task A_service_status_no_one_gave_reads_unknown_and_an_agreement_past_its_end_reads_expired()
    {
        await SeedAsync();

        var page = Open("/catalogue", expectedRows: 5);

        Assert.Equal(5, page.FindAll("tbody [data-testid=status-unknown]").Count);
        Assert.All(page.FindAll("tbody [data-testid=status-unknown]"), cell => Assert.Equal("نامشخص", cell.TextContent.Trim()));
        // Today is 1403/10/11: 000 (1400), 003 (1401) and 004 (1398) have ended; 001 runs to 1403/12/30; 002 has no date.
        var statuses = page.FindAll("tbody tr").ToDictionary(
            tr => tr.QuerySelector("a[href^='/services/']")!.TextContent.Trim(),
            tr => tr.QuerySelector("[data-testid=agreement-status]")!.TextContent.Trim());
        Assert.Equal("منقضی", statuses[Seeded.Certificate]);
        Assert.Equal("منقضی", statuses[Seeded.ExchangeCentre]);
        Assert.Equal("منقضی", statuses[Seeded.Khorasan]);
        Assert.Equal("منتشرشده", statuses[Seeded.SmartServices]);
        Assert.Equal("منتشرشده", statuses[Seeded.SoftwareApproval]);
    }

    [Fact]
    public async Task Rows_show_the_version_in_force_while_a_draft_with_other_obligations_exists()
    {
        await SeedAsync();
        await StartDraftAsync(Seeded.SmartServices, c => c with { Obligations = [.. c.Obligations.Take(2)], ValidUntil = new DateOnly(2030, 3, 20) });

        var page = Open("/catalogue", expectedRows: 5);

        var smart = page.FindAll("tbody tr").Single(tr => tr.QuerySelector("a[href^='/services/']")?.TextContent.Trim() == Seeded.SmartServices);
        Assert.Equal("منتشرشده", smart.QuerySelector("[data-testid=agreement-status]")!.TextContent.Trim());
        Assert.Contains("۱۴۰۳/۱۲/۳۰", smart.TextContent, StringComparison.Ordinal);
        Assert.Equal("۹", smart.QuerySelectorAll("td")[^1].TextContent.Trim());
    }

    [Fact]
    public async Task A_service_without_an_agreement_says_so()
    {
        await SeedAsync();
        await AddServiceAsync("سامانه آزمایشی بدون توافقنامه", Seeded.Ito, ServiceStatus.Planned);

        var page = Open("/catalogue", expectedRows: 6);

        var row = RowText(page, "سامانه آزمایشی بدون توافقنامه");
        Assert.Contains("بدون توافقنامه", row);
        Assert.Contains("در دست راه‌اندازی", row);
    }

    [Fact]
    public async Task Search_with_arabic_yeh_finds_persian_title()
    {
        await SeedAsync();

        var page = Open("/catalogue?q=" + Uri.EscapeDataString("گواهي"), expectedRows: 1);

        Assert.Equal([Seeded.Certificate], Titles(page));
    }

    [Fact]
    public async Task Typing_a_search_narrows_the_rows_and_puts_the_term_in_the_url()
    {
        await SeedAsync();
        var page = Open("/catalogue", expectedRows: 5);

        page.Find("input[data-testid=search]").Input("تاييديه فني");

        page.WaitForAssertion(() => Assert.Equal([Seeded.SoftwareApproval], Titles(page)), TimeSpan.FromSeconds(5));
        Assert.Contains("q=" + Uri.EscapeDataString("تاييديه فني"), Navigation.Uri, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Search_and_filters_take_input_only_once_the_page_is_live(bool live)
    {
        await SeedAsync();
        Interactive = live;

        var page = Open("/catalogue", expectedRows: 5);

        Assert.Equal(!live, page.Find("input[data-testid=search]").HasAttribute("disabled"));
        var filters = page.FindAll("input[data-testid=provider], input[data-testid=status]");
        Assert.Equal(2, filters.Count);
        Assert.All(filters, input => Assert.Equal(!live, input.HasAttribute("disabled")));
    }

    [Fact]
    public async Task Sort_and_direction_in_the_url_order_the_rows_and_mark_the_column()
    {
        await SeedAsync();

        var page = Open("/catalogue?sort=Provider&desc=true", expectedRows: 5);

        // «سازمان …» sorts after «استانداری …», so descending puts the governorate last.
        Assert.Equal(Seeded.Khorasan, Titles(page)[^1]);
        Assert.Contains("mud-direction-desc", Header(page, "دستگاه ارائه‌دهنده").InnerHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_and_size_in_the_url_select_the_rows()
    {
        await SeedAsync();
        for (var i = 1; i <= 12; i++) await AddServiceAsync($"خدمت آزمایشی {i:00}", Seeded.Ito);

        // Seventeen services by title (ت، خ، ر، ص): page 2 of 10 holds the last seven.
        var page = Open("/catalogue?page=2&size=10", expectedRows: 7);

        Assert.Equal(
            ["خدمت آزمایشی 09", "خدمت آزمایشی 10", "خدمت آزمایشی 11", "خدمت آزمایشی 12", Seeded.ExchangeCentre, Seeded.SoftwareApproval, Seeded.Certificate],
            Titles(page));
    }

    [Fact]
    public async Task Status_in_the_url_filters_the_rows()
    {
        await SeedAsync();
        await AddServiceAsync("سامانه آزمایشی غیرفعال", Seeded.Ito, ServiceStatus.Inactive);

        var page = Open("/catalogue?status=Inactive", expectedRows: 1);

        Assert.Equal(["سامانه آزمایشی غیرفعال"], Titles(page));
        Assert.Contains("غیرفعال", RowText(page, "سامانه آزمایشی غیرفعال"));
    }

    [Fact]
    public async Task Provider_in_the_url_filters_the_rows()
    {
        await SeedAsync();
        int governorate;
        await using (var db = NewDbContext()) governorate = db.Organizations.Single(o => o.Name == Seeded.Governorate).Id;

        var page = Open($"/catalogue?provider={governorate}", expectedRows: 1);

        Assert.Equal([Seeded.Khorasan], Titles(page));
    }

    [Fact]
    public async Task Expiring_in_the_url_keeps_agreements_ending_within_that_many_days()
    {
        await SeedAsync();

        // Today is 1403/10/11: only 001's 1403/12/30 falls within 90 days.
        var page = Open("/catalogue?expiring=90", expectedRows: 1);

        Assert.Equal([Seeded.SmartServices], Titles(page));
        Assert.Contains("۹۰ روز", page.Find("[data-testid=expiring-chip]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Expired_in_the_url_keeps_agreements_past_their_end_and_its_chip_takes_the_filter_off()
    {
        await SeedAsync();

        // Today is 1403/10/11: 000, 003 and 004 have ended; 001 runs on and 002's end is unknown.
        var page = Open("/catalogue?expired=1", expectedRows: 3);

        Assert.Equal(new[] { Seeded.Khorasan, Seeded.ExchangeCentre, Seeded.Certificate }.Order(StringComparer.Ordinal), Titles(page).Order(StringComparer.Ordinal));
        Assert.All(page.FindAll("tbody tr"), row => Assert.Contains("منقضی", row.TextContent, StringComparison.Ordinal));
        Assert.Equal("/export/catalogue.xlsx?expired=1", page.FindComponents<ExportButton>()[0].Instance.Url);

        await page.Find("[data-testid=expired-chip] .mud-chip-close-button").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal(5, Titles(page).Count));
        Assert.DoesNotContain("expired", Navigation.Uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clicking_a_column_header_sorts_and_records_the_sort_in_the_url()
    {
        await SeedAsync();
        var page = Open("/catalogue", expectedRows: 5);

        Header(page, "پایان اعتبار").QuerySelector(".sortable-column-header")!.Click();

        page.WaitForAssertion(() => Assert.Contains("sort=ValidUntil", Navigation.Uri, StringComparison.Ordinal));
        page.WaitForAssertion(() =>
        {
            var dated = Titles(page).Where(t => t != Seeded.SoftwareApproval).ToList(); // 002 has no end date
            Assert.Equal([Seeded.Khorasan, Seeded.Certificate, Seeded.ExchangeCentre, Seeded.SmartServices], dated);
        });
    }

    [Fact]
    public async Task Excel_link_carries_the_same_filter()
    {
        await SeedAsync();

        await using (var db = NewDbContext())
        {
            db.Services.Single(s => s.Title == Seeded.SmartServices).Status = ServiceStatus.Active;
            await db.SaveChangesAsync();
        }

        var page = Open("/catalogue?q=" + Uri.EscapeDataString("سامانه") + "&status=Active&sort=ValidUntil&page=1", expectedRows: 1);

        var href = page.FindComponents<ExportButton>()[0].Instance.Url;
        Assert.Equal("/export/catalogue.xlsx?q=" + Uri.EscapeDataString("سامانه") + "&status=Active&sort=ValidUntil", href);
        Assert.Equal(new CatalogueFilter("سامانه", null, ServiceStatus.Active, CatalogueSort.ValidUntil),
            CatalogueQueryString.Parse(href[href.IndexOf('?', StringComparison.Ordinal)..]));
    }

    [Fact]
    public async Task A_search_that_finds_nothing_says_so_in_persian()
    {
        await SeedAsync();

        var page = Open("/catalogue?q=" + Uri.EscapeDataString("هواشناسی"), expectedRows: 0);

        page.WaitForAssertion(() => Assert.Contains("خدمتی با این جستجو و پالایش پیدا نشد", page.Find("[data-testid=empty]").TextContent, StringComparison.Ordinal));
    }
}
