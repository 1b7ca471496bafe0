using Bunit;
using SlaAdmin.Components.Shared;
using SlaAdmin.Data.Entities;
using SlaAdmin.Features.Catalogue;
using SlaAdmin.Tests.TestSupport;
using SlaAdmin.Vocabulary;

namespace SlaAdmin.Tests.Features.Catalogue;

public class ServicePageTests : PageTestContext
{
    private IRenderedComponent<ServicePage> Open(string title)
    {
        var page = RenderPage<ServicePage>(p => p.Add(x => x.Id, ServiceId(title)));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=service-fields]")));
        return page;
    }

    private static string Field(IRenderedComponent<ServicePage> page, string testId) =>
        page.Find($"[data-testid=service-fields] dd[data-testid={testId}]").TextContent.Trim();

    /// <summary>Every fact of the national service card, in the order the page lists them after the title.</summary>
    private static readonly string[] CardFields =
        ["national-id", "provider", "provider-parents", "provider-unit", "recipient-groups", "nature", "types", "level", "status",
         "definition", "interaction", "web-address", "request-steps", "reporting", "service-desk"];

    [Fact]
    public async Task Service_page_shows_every_fact_of_the_national_service_card()
    {
        await SeedAsync();
        await using (var db = NewDbContext())
        {
            var ministry = new Organization { Name = "وزارت ارتباطات و فناوری اطلاعات", Kind = OrganizationKind.GovernmentUnit };
            db.Organizations.Add(ministry);
            db.Organizations.Single(o => o.Name == Seeded.Ito).Parent = ministry;
            var service = db.Services.Single(s => s.Title == Seeded.ExchangeCentre);
            service.NationalId = "10123456789";
            service.ProviderUnit = "مرکز ملی تبادل اطلاعات";
            service.Nature = ServiceNature.Operational;
            service.Types = ServiceTypes.G2G | ServiceTypes.G2B;
            service.Level = ServiceLevel.National;
            service.Status = ServiceStatus.Active;
            service.Definition = "راهبری اتصال دستگاه‌ها به مرکز ملی تبادل اطلاعات";
            service.InteractionChannels = "درگاه ملی خدمات دولت هوشمند";
            service.WebAddress = "gsb.ito.gov.ir";
            service.RequestSteps = "ثبت درخواست در سامانه، بررسی فنی، اتصال";
            service.ReportingAndReview = "گزارش ماهانه به دستگاه";
            await db.SaveChangesAsync();
        }

        var page = Open(Seeded.ExchangeCentre);

        Assert.Equal(CardFields, page.FindAll("[data-testid=service-fields] dd[data-testid]").Select(dd => dd.GetAttribute("data-testid")));
        Assert.Equal("۱۰۱۲۳۴۵۶۷۸۹", Field(page, "national-id"));
        Assert.Equal(Seeded.Ito, Field(page, "provider"));
        Assert.Equal("وزارت ارتباطات و فناوری اطلاعات", Field(page, "provider-parents"));
        Assert.Equal("مرکز ملی تبادل اطلاعات", Field(page, "provider-unit"));
        Assert.Equal("دستگاه‌های دولتی، شرکت‌ها، شهروندان", Field(page, "recipient-groups"));
        Assert.Equal(Labels.Of(ServiceNature.Operational), Field(page, "nature"));
        Assert.Equal(Labels.Of(ServiceTypes.G2G | ServiceTypes.G2B), Field(page, "types"));
        Assert.Equal(Labels.Of(ServiceLevel.National), Field(page, "level"));
        Assert.Equal(Labels.Of(ServiceStatus.Active), Field(page, "status"));
        Assert.Equal("راهبری اتصال دستگاه‌ها به مرکز ملی تبادل اطلاعات", Field(page, "definition"));
        Assert.Equal("درگاه ملی خدمات دولت هوشمند", Field(page, "interaction"));
        Assert.Equal("https://gsb.ito.gov.ir", page.Find("dd[data-testid=web-address] a").GetAttribute("href"));
        Assert.Equal("ثبت درخواست در سامانه، بررسی فنی، اتصال", Field(page, "request-steps"));
        Assert.Equal("گزارش ماهانه به دستگاه", Field(page, "reporting"));
        Assert.Equal("https://ito.gov.ir/Home/ServiceDesk", page.Find("dd[data-testid=service-desk] a").GetAttribute("href"));
        Assert.Empty(page.FindAll("[data-testid=service-fields] .unknown"));
        // The organization above the provider comes right after it, before the provider's unit.
        var labels = page.FindAll("[data-testid=service-fields] dt").Select(dt => dt.TextContent.Trim()).ToList();
        Assert.Equal(labels.IndexOf("دستگاه ارائه‌دهنده") + 1, labels.IndexOf("دستگاه بالادست"));
    }

    [Fact]
    public async Task Every_fact_no_source_gives_reads_unknown_and_a_seed_states_no_types_level_or_status()
    {
        await SeedAsync();

        var page = Open(Seeded.Certificate);

        string[] unknown = ["national-id", "provider-parents", "provider-unit", "nature", "types", "level", "status", "definition", "interaction",
            "web-address", "request-steps", "reporting"];
        foreach (var field in unknown)
        {
            Assert.Equal(Unknown.Text, Field(page, field));
            Assert.NotNull(page.Find($"dd[data-testid={field}] .unknown"));
        }
        Assert.Equal(Seeded.Ito, Field(page, "provider"));
        Assert.Equal("اشخاص حقیقی، شرکت‌ها", Field(page, "recipient-groups"));
        Assert.Equal("https://ito.gov.ir/Home/ServiceDesk", page.Find("dd[data-testid=service-desk] a").GetAttribute("href"));
    }

    [Fact]
    public async Task Agreement_summary_shows_the_version_in_force_and_links_to_the_agreement()
    {
        await SeedAsync();

        var page = Open(Seeded.SmartServices);

        Assert.Equal($"/agreements/{AgreementId(Seeded.SmartServices)}", page.Find("[data-testid=agreement-link]").GetAttribute("href"));
        var summary = page.Find("[data-testid=agreement-summary]").TextContent;
        Assert.Contains("۱۴۰۳/۱۲/۳۰", summary, StringComparison.Ordinal);
        Assert.Contains("سازمان ۶، متقاضی ۳", summary, StringComparison.Ordinal);
        Assert.Equal("منتشرشده (نسخه ۱)", page.Find("[data-testid=agreement-status]").TextContent.Trim());
        Assert.Equal("رایگان", page.Find("[data-testid=costs]").TextContent.Trim());
        Assert.Empty(page.FindAll("[data-testid=working-version]"));
    }

    [Fact]
    public async Task An_agreement_past_its_end_reads_expired_in_the_summary()
    {
        await SeedAsync();

        var page = Open(Seeded.Certificate); // valid until 1400/12/29; today is 1403/10/11

        Assert.Equal("منقضی (نسخه ۱)", page.Find("[data-testid=agreement-status]").TextContent.Trim());
    }

    [Fact]
    public async Task Costs_of_an_agreement_that_says_nothing_of_them_read_unknown()
    {
        await SeedAsync();

        var page = Open(Seeded.Khorasan);

        Assert.Equal(Unknown.Text, page.Find("[data-testid=costs] .unknown").TextContent.Trim());
    }

    [Fact]
    public async Task A_draft_beside_the_version_in_force_is_linked_but_not_summarised()
    {
        await SeedAsync();
        var agreementId = AgreementId(Seeded.SmartServices);
        await StartDraftAsync(Seeded.SmartServices, c => c with { Obligations = [.. c.Obligations.Take(2)], ValidUntil = new DateOnly(2030, 3, 20) });

        var page = Open(Seeded.SmartServices);

        Assert.Equal("منتشرشده (نسخه ۱)", page.Find("[data-testid=agreement-status]").TextContent.Trim());
        Assert.Contains("سازمان ۶، متقاضی ۳", page.Find("[data-testid=agreement-summary]").TextContent, StringComparison.Ordinal);
        Assert.Equal($"/agreements/{agreementId}/versions/2", page.Find("[data-testid=working-version] a").GetAttribute("href"));
    }

    [Fact]
    public async Task A_service_desk_printed_without_a_scheme_still_links()
    {
        await SeedAsync();

        var page = RenderPage<ServicePage>(p => p.Add(x => x.Id, ServiceId(Seeded.Khorasan)));

        page.WaitForAssertion(() => Assert.Equal("https://SKO.IR", page.Find("[data-testid=service-desk] a").GetAttribute("href")));
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
