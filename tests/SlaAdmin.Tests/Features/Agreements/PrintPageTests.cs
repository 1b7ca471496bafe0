using System.Reflection;
using Bunit;
using Microsoft.AspNetCore.Components;
using SlaAdmin.Components.Shared;
using SlaAdmin.Data.Entities;
using SlaAdmin.Features.Agreements;
using SlaAdmin.Persian;
using SlaAdmin.Tests.TestSupport;
using SlaAdmin.Vocabulary;

namespace SlaAdmin.Tests.Features.Agreements;

public class PrintPageTests : PageTestContext
{
    public PrintPageTests() => Interactive = false;

    private IRenderedComponent<PrintPage> Print(int agreementId, int number)
    {
        var page = RenderPage<PrintPage>(p => p.Add(x => x.Id, agreementId).Add(x => x.Number, number));
        page.WaitForAssertion(() => page.Find("[data-testid=print-header]"));
        return page;
    }

    [Fact]
    public async Task A_draft_prints_with_the_draft_watermark_and_its_number_and_status_on_every_page()
    {
        await SeedAsync();
        var draft = await StartDraftAsync(Seeded.Certificate);

        var page = Print(AgreementId(Seeded.Certificate), draft);

        Assert.Equal("پیش‌نویس", page.Find("[data-testid=watermark]").TextContent.Trim());
        foreach (var running in new[] { "print-header", "print-footer" })
        {
            var text = page.Find($"[data-testid={running}]").TextContent;
            Assert.Contains($"نسخه {PersianDigits.Format(draft)}", text, StringComparison.Ordinal);
            Assert.Contains("پیش‌نویس", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_version_in_review_is_still_a_draft_on_paper()
    {
        await SeedAsync();
        var draft = await StartDraftAsync(Seeded.Certificate, status: AgreementStatus.InReview);

        var page = Print(AgreementId(Seeded.Certificate), draft);

        Assert.Equal("پیش‌نویس", page.Find("[data-testid=watermark]").TextContent.Trim());
    }

    [Fact]
    public async Task A_published_version_prints_without_a_watermark_with_its_status_in_the_running_header()
    {
        await SeedAsync();
        int number;
        DateOnly? validUntil;
        await using (var db = NewDbContext())
        {
            var version = db.AgreementVersions.Single(v => v.Agreement.EService.Title == Seeded.Certificate);
            (number, validUntil) = (version.Number, version.ValidUntil);
        }

        var page = Print(AgreementId(Seeded.Certificate), number);

        Assert.Empty(page.FindAll("[data-testid=watermark]"));
        var header = page.Find("[data-testid=print-header]").TextContent;
        Assert.Contains($"نسخه {PersianDigits.Format(number)}", header, StringComparison.Ordinal);
        Assert.Contains(Labels.StatusOf(AgreementStatus.Published, Validity.IsExpired(validUntil, TehranTime.Today(Clock))), header, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_print_shows_the_letterhead_numbered_sections_validity_and_signatory()
    {
        await SeedAsync();

        var page = Print(AgreementId(Seeded.SmartServices), 1);

        Assert.Equal("۱. مقدمه", page.FindAll("h2.section-heading")[0].TextContent.Trim());
        page.Find("[data-testid=document-title]");
        page.Find("[data-testid=validity]");
        Assert.Contains("امضاکننده", page.Find("[data-testid=signatory]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_print_view_renders_statically_outside_the_interactive_router()
    {
        Assert.NotNull(typeof(PrintPage).GetCustomAttribute<ExcludeFromInteractiveRoutingAttribute>());
    }

    [Fact]
    public async Task A_missing_version_says_so()
    {
        await SeedAsync();

        var page = RenderPage<PrintPage>(p => p.Add(x => x.Id, AgreementId(Seeded.SmartServices)).Add(x => x.Number, 9));

        page.WaitForAssertion(() => page.Find(".print-missing"));
    }
}
