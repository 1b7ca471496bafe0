using Bunit;
using SlaAdmin.Features.Home;
using SlaAdmin.Tests.TestSupport;

namespace SlaAdmin.Tests.Features.Home;

public class HomePageTests : PageTestContext
{
    [Fact]
    public async Task Cards_count_services_agreements_and_those_expiring_and_link_to_the_catalogue()
    {
        await SeedAsync();
        await AddServiceAsync("سامانه آزمایشی بدون توافقنامه", Seeded.Ito);

        var page = RenderPage<HomePage>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=stat-services]")));
        Assert.Equal("۶", page.Find("[data-testid=stat-services] [data-testid=count]").TextContent.Trim());
        Assert.Equal("۵", page.Find("[data-testid=stat-agreements] [data-testid=count]").TextContent.Trim());
        // Today is 1403/10/11: 001 ends 1403/12/30, within 90 days.
        Assert.Equal("۱", page.Find("[data-testid=stat-expiring] [data-testid=count]").TextContent.Trim());
        Assert.Equal("/catalogue", page.Find("[data-testid=stat-services]").GetAttribute("href"));
        Assert.Equal("/catalogue?expiring=90", page.Find("[data-testid=stat-expiring]").GetAttribute("href"));
        // 004, 000 and 003 ended before 1403/10/11; 002's end is unknown, so it is not counted.
        Assert.Equal("۳", page.Find("[data-testid=stat-expired] [data-testid=count]").TextContent.Trim());
        Assert.Equal("/catalogue?expired=1", page.Find("[data-testid=stat-expired]").GetAttribute("href"));
    }

    [Fact]
    public async Task Counts_read_the_versions_in_force_not_the_drafts_beside_them()
    {
        await SeedAsync();
        // 001 ends within 90 days and its draft runs on; 002 has no end date and its draft would end within 90 days.
        await StartDraftAsync(Seeded.SmartServices, c => c with { ValidUntil = new DateOnly(2035, 3, 20) });
        await StartDraftAsync(Seeded.SoftwareApproval, c => c with { ValidUntil = new DateOnly(2025, 1, 15) });

        var page = RenderPage<HomePage>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=stat-services]")));
        Assert.Equal("۵", page.Find("[data-testid=stat-agreements] [data-testid=count]").TextContent.Trim());
        Assert.Equal("۱", page.Find("[data-testid=stat-expiring] [data-testid=count]").TextContent.Trim());
    }
}
