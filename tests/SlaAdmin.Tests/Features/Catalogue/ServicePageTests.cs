using Bunit;
using SlaAdmin.Features.Catalogue;
using SlaAdmin.Tests.TestSupport;

namespace SlaAdmin.Tests.Features.Catalogue;

public class ServicePageTests : PageTestContext
{
    [Fact]
    public async Task Service_page_shows_the_catalogue_fields_and_links_to_its_agreement()
    {
        await SeedAsync();

        var page = RenderPage<ServicePage>(p => p.Add(x => x.Id, ServiceId(Seeded.Certificate)));

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=service-fields]")));
        var fields = page.Find("[data-testid=service-fields]").TextContent;
        Assert.Contains("نامشخص", fields, StringComparison.Ordinal); // no national id in the source
        Assert.Contains(Seeded.Ito, fields, StringComparison.Ordinal);
        Assert.Contains("شرکت‌ها و اشخاص حقیقی توسعه‌دهنده نرم‌افزار", fields, StringComparison.Ordinal);
        Assert.Contains("دولت به شهروند، دولت به کسب‌وکار", fields, StringComparison.Ordinal);
        Assert.Contains("ملی", fields, StringComparison.Ordinal);
        Assert.Equal("https://ito.gov.ir/Home/ServiceDesk", page.Find("[data-testid=service-desk]").GetAttribute("href"));
        Assert.Equal($"/agreements/{AgreementId(Seeded.Certificate)}", page.Find("[data-testid=agreement-link]").GetAttribute("href"));
        var summary = page.Find("[data-testid=agreement-summary]").TextContent;
        Assert.Contains("۱۴۰۰/۱۲/۲۹", summary, StringComparison.Ordinal);
        Assert.Contains("سازمان ۱۰، متقاضی ۴", summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_service_desk_printed_without_a_scheme_still_links()
    {
        await SeedAsync();

        var page = RenderPage<ServicePage>(p => p.Add(x => x.Id, ServiceId(Seeded.Khorasan)));

        page.WaitForAssertion(() => Assert.Equal("https://SKO.IR", page.Find("[data-testid=service-desk]").GetAttribute("href")));
        Assert.Equal("SKO.IR", page.Find("[data-testid=service-desk]").TextContent.Trim());
    }

    [Fact]
    public async Task A_service_desk_that_is_not_a_web_address_is_shown_but_not_linked()
    {
        await SeedAsync();
        await using (var db = NewDbContext())
        {
            var service = db.Services.Single(s => s.Title == Seeded.Khorasan);
            service.ServiceDeskUrl = "javascript://%0Aalert(1)";
            await db.SaveChangesAsync();
        }

        var page = RenderPage<ServicePage>(p => p.Add(x => x.Id, ServiceId(Seeded.Khorasan)));

        page.WaitForAssertion(() => Assert.Equal("javascript://%0Aalert(1)", page.Find("[data-testid=service-desk]").TextContent.Trim()));
        Assert.Empty(page.FindAll("a[href^='javascript']"));
    }

    [Fact]
    public void Unknown_service_says_so()
    {
        var page = RenderPage<ServicePage>(p => p.Add(x => x.Id, 4242));

        page.WaitForAssertion(() => Assert.Contains("خدمتی با این شناسه در فهرست نیست", page.Markup, StringComparison.Ordinal));
    }
}
