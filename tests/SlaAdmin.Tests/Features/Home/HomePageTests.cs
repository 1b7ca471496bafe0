using Bunit;
using SlaAdmin.Features.Home;
using SlaAdmin.Tests.TestSupport;

namespace SlaAdmin.Tests.Features.Home;

public class HomePageTests : PageTestContext
{
    [Fact]
    public async Task Cards_count_services_agreements_and_those_expiring_and_link_to_the_catalogue()
    {
        await using (var db = NewDbContext()) await TestAgreements.AddAsync(db);

        var page = RenderPage<HomePage>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=stat-services]")));
        Assert.Equal("۴", page.Find("[data-testid=stat-services] [data-testid=count]").TextContent.Trim());
        Assert.Equal("۳", page.Find("[data-testid=stat-agreements] [data-testid=count]").TextContent.Trim());
        Assert.Equal("۱", page.Find("[data-testid=stat-expiring] [data-testid=count]").TextContent.Trim());
        Assert.Equal("/catalogue", page.Find("[data-testid=stat-services]").GetAttribute("href"));
        Assert.Equal("/catalogue?expiring=90", page.Find("[data-testid=stat-expiring]").GetAttribute("href"));
    }
}
