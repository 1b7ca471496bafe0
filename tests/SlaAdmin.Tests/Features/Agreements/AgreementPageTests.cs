using Bunit;
using SlaAdmin.Features.Agreements;
using SlaAdmin.Persian;
using SlaAdmin.Tests.TestSupport;

namespace SlaAdmin.Tests.Features.Agreements;

public class AgreementPageTests : PageTestContext
{
    private async Task<(TestAgreements.Arranged Arranged, IRenderedComponent<AgreementPage> Page)> OpenAsync(Func<TestAgreements.Arranged, int> agreementOf)
    {
        TestAgreements.Arranged arranged;
        await using (var db = NewDbContext()) arranged = await TestAgreements.AddAsync(db);
        var page = RenderPage<AgreementPage>(p => p.Add(x => x.Id, agreementOf(arranged)));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("section.agreement-section")));
        return (arranged, page);
    }

    [Fact]
    public async Task Sections_are_numbered_in_persian_by_their_position_among_those_present()
    {
        var (_, page) = await OpenAsync(a => a.SmartAgreementId);

        var headings = page.FindAll("h2.section-heading").Select(h => h.TextContent.Trim()).ToList();

        Assert.Equal(
        [
            "۱. مقدمه", "۲. هدف", "۳. مسئولیت", "۴. تعهدات متقابل خدمت\u200cگیرنده و دستگاه اجرایی",
            "۵. هزینه\u200cها و پرداخت\u200cها", "۶. دوره عملکرد", "۷. خاتمه توافقنامه",
        ], headings);
    }

    [Fact]
    public async Task Obligations_are_two_checklists_with_every_obligation_of_each_side_in_order()
    {
        var (_, page) = await OpenAsync(a => a.ApprovalAgreementId);

        var provider = page.Find("[data-testid=obligations-Provider]");
        var recipient = page.Find("[data-testid=obligations-Recipient]");
        Assert.Contains("تعهدات سازمان", provider.QuerySelector("h3")!.TextContent);
        Assert.Contains("تعهدات متقاضی", recipient.QuerySelector("h3")!.TextContent);
        var providerItems = provider.QuerySelectorAll("[data-testid=obligation]").Select(li => li.TextContent).ToList();
        Assert.Equal(10, providerItems.Count);
        Assert.Equal(4, recipient.QuerySelectorAll("[data-testid=obligation]").Length);
        Assert.Contains("تعهد شماره 1 ", providerItems[0]);
        Assert.Contains("۱۰", providerItems[9]);
    }

    [Fact]
    public async Task An_obligation_target_is_shown_as_a_chip()
    {
        var (_, page) = await OpenAsync(a => a.SmartAgreementId);

        var target = Assert.Single(page.FindAll("[data-testid=target]"));
        Assert.Contains("۲۴×۷", target.TextContent);
    }

    [Fact]
    public async Task Data_classification_table_has_the_seven_columns_in_persian()
    {
        var (_, page) = await OpenAsync(a => a.ApprovalAgreementId);

        var table = page.Find("[data-testid=data-table]");
        Assert.Equal(
            ["نوع داده", "واحد ارائه\u200cکننده", "واحد دریافت\u200cکننده", "سطح ذخیره\u200cسازی", "استفاده برای تحلیل و داده\u200cکاوی", "قابلیت نمایش برای عموم", "سطح انتشار"],
            table.QuerySelectorAll("thead th").Select(th => th.TextContent.Trim()));
        var rows = table.QuerySelectorAll("tbody tr").Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList()).ToList();
        Assert.Equal(["فرم\u200cها و مدارک ارائه شده", "متقاضی", "سازمان", "کامل", "خیر", "خیر", "سطح سازمان"], rows[0]);
        Assert.Equal(["فایل صادر شده", "سازمان", "متقاضی", "کامل", "خیر", "بلی", "سطح مردم"], rows[1]);
    }

    [Fact]
    public async Task Invalid_iban_is_shown_as_stored_with_a_warning_that_says_why()
    {
        var (_, page) = await OpenAsync(a => a.ApprovalAgreementId);

        var iban = page.Find("[data-testid=iban]");
        Assert.Equal(TestAgreements.InvalidIban, iban.TextContent);
        Assert.Equal("ltr", iban.GetAttribute("dir"));
        var warning = page.Find("[data-testid=iban-invalid]");
        Assert.Contains("شبا نامعتبر", warning.TextContent);
        Assert.Equal(Iban.Validate(TestAgreements.InvalidIban), warning.GetAttribute("title"));
        Assert.Contains("آنلاین، دستی", page.Find("[data-testid=payments]").TextContent);
    }

    [Fact]
    public async Task Fee_amount_is_in_persian_digits_with_separator_and_rials()
    {
        var (_, page) = await OpenAsync(a => a.ApprovalAgreementId);

        Assert.Equal("۱۰۰٬۰۰۰ ریال", page.Find("[data-testid=amount]").TextContent.Trim());
    }

    [Fact]
    public async Task Validity_is_a_jalali_date_in_persian_digits()
    {
        var (_, page) = await OpenAsync(a => a.SmartAgreementId);

        Assert.Contains("۱۴۰۳/۱۲/۳۰", page.Find("[data-testid=validity]").TextContent);
        Assert.Contains("رئیس سازمان فناوری اطلاعات ایران", page.Find("[data-testid=signatory]").TextContent);
    }

    [Fact]
    public async Task Clause_count_sentence_is_computed_where_the_agreement_states_it()
    {
        var (_, page) = await OpenAsync(a => a.SmartAgreementId);

        Assert.Equal("این توافقنامه در هفت بند تدوین شده است.", page.Find("[data-testid=clause-count]").TextContent.Trim());
    }

    [Fact]
    public async Task No_clause_count_sentence_where_the_agreement_does_not_state_it()
    {
        var (_, page) = await OpenAsync(a => a.GovernorateAgreementId);

        Assert.Empty(page.FindAll("[data-testid=clause-count]"));
        Assert.NotEmpty(page.FindAll("[data-testid=section-Termination]"));
    }

    [Fact]
    public async Task Empty_appendix_says_the_source_list_is_empty_and_is_not_numbered()
    {
        var (_, page) = await OpenAsync(a => a.GovernorateAgreementId);

        var appendix = page.Find("[data-testid=section-Appendix]");
        Assert.Equal("پیوست", appendix.QuerySelector("h2")!.TextContent.Trim());
        Assert.Contains("(فهرست خدمات در متن منبع خالی است)", appendix.TextContent);
        Assert.Equal("۴. تعاریف", page.Find("[data-testid=section-Definitions] h2").TextContent.Trim());
    }

    [Fact]
    public async Task Excel_button_links_to_the_agreement_workbook()
    {
        var (arranged, page) = await OpenAsync(a => a.SmartAgreementId);

        Assert.Equal($"/export/agreements/{arranged.SmartAgreementId}.xlsx", page.Find("[data-testid=export]").GetAttribute("href"));
    }

    [Fact]
    public void Unknown_agreement_says_so()
    {
        var page = RenderPage<AgreementPage>(p => p.Add(x => x.Id, 4242));

        page.WaitForAssertion(() => Assert.Contains("توافقنامه‌ای با این شناسه پیدا نشد", page.Markup));
    }
}
