using Bunit;
using SlaAdmin.Features.Catalogue;
using SlaAdmin.Tests.TestSupport;

namespace SlaAdmin.Tests.Features.Catalogue;

public class ServicePageTests : PageTestContext
{
    [Fact]
    public async Task Service_page_shows_the_catalogue_fields_and_links_to_its_agreement()
    {
        TestAgreements.Arranged arranged;
        await using (var db = NewDbContext()) arranged = await TestAgreements.AddAsync(db);

        var page = RenderPage<ServicePage>(p => p.Add(x => x.Id, arranged.Approval.Id));

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=service-fields]")));
        var fields = page.Find("[data-testid=service-fields]").TextContent;
        Assert.Contains("نامشخص", fields); // no national id
        Assert.Contains(TestAgreements.Ito, fields);
        Assert.Contains("شرکت‌های توسعه‌دهنده نرم‌افزار", fields);
        Assert.Contains("حاکمیتی", fields);
        Assert.Contains("دولت به کسب‌وکار", fields);
        Assert.Equal("https://ito.gov.ir/Home/ServiceDesk", page.Find("[data-testid=service-desk]").GetAttribute("href"));
        Assert.Equal($"/agreements/{arranged.ApprovalAgreementId}", page.Find("[data-testid=agreement-link]").GetAttribute("href"));
        Assert.Contains("تا پایان دولت یازدهم", page.Find("[data-testid=agreement-summary]").TextContent);
    }

    [Fact]
    public async Task A_service_desk_printed_without_a_scheme_still_links()
    {
        TestAgreements.Arranged arranged;
        await using (var db = NewDbContext()) arranged = await TestAgreements.AddAsync(db);

        var page = RenderPage<ServicePage>(p => p.Add(x => x.Id, arranged.Governorate.Id));

        page.WaitForAssertion(() => Assert.Equal("https://SKO.IR", page.Find("[data-testid=service-desk]").GetAttribute("href")));
        Assert.Equal("SKO.IR", page.Find("[data-testid=service-desk]").TextContent.Trim());
    }
}
