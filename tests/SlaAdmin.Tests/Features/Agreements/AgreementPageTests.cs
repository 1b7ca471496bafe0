using Microsoft.EntityFrameworkCore;
using SlaAdmin.Components.Shared;
using Bunit;
using SlaAdmin.Features.Agreements;
using SlaAdmin.Data.Entities;
using SlaAdmin.Persian;
using SlaAdmin.Tests.TestSupport;

namespace SlaAdmin.Tests.Features.Agreements;

public class AgreementPageTests : PageTestContext
{
    private async Task<IRenderedComponent<AgreementPage>> OpenAsync(string serviceTitle)
    {
        await SeedAsync();
        var page = RenderPage<AgreementPage>(p => p.Add(x => x.Id, AgreementId(serviceTitle)));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("section.agreement-section")));
        return page;
    }

    private static List<string> Headings(IRenderedComponent<AgreementPage> page) =>
        page.FindAll("h2.section-heading").Select(h => h.TextContent.Trim()).ToList();

    [Fact]
    public async Task Sections_are_numbered_in_persian_by_their_position_among_those_present()
    {
        // 001 has no data and no dispute section, so its costs are section 5.
        var page = await OpenAsync(Seeded.SmartServices);

        Assert.Equal(
        [
            "۱. مقدمه", "۲. هدف", "۳. مسئولیت", "۴. تعهدات متقابل خدمت\u200cگیرنده و دستگاه اجرایی",
            "۵. هزینه\u200cها و پرداخت\u200cها", "۶. دوره عملکرد", "۷. خاتمه توافقنامه",
        ], Headings(page));
    }

    [Fact]
    public async Task Definitions_are_numbered_three_in_004_and_its_appendix_is_not_a_clause()
    {
        var page = await OpenAsync(Seeded.Khorasan);

        Assert.Equal(
        [
            "۱. مقدمه", "۲. هدف", "۳. تعاریف", "۴. مسئولیت", "۵. تعهدات متقابل خدمت\u200cگیرنده و دستگاه اجرایی",
            "۶. دوره عملکرد", "۷. خاتمه توافقنامه", "پیوست",
        ], Headings(page));
        Assert.Equal(7, page.FindAll("[data-testid=section-Definitions] dt").Count);
    }

    [Fact]
    public async Task Obligations_are_two_checklists_with_every_obligation_of_each_side_in_order()
    {
        var page = await OpenAsync(Seeded.Certificate);

        var provider = page.Find("[data-testid=obligations-Provider]");
        var recipient = page.Find("[data-testid=obligations-Recipient]");
        Assert.Contains("تعهدات سازمان", provider.QuerySelector("h3")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("تعهدات متقاضی", recipient.QuerySelector("h3")!.TextContent, StringComparison.Ordinal);
        var providerItems = provider.QuerySelectorAll("[data-testid=obligation]").ToList();
        Assert.Equal(10, providerItems.Count);
        Assert.Equal(4, recipient.QuerySelectorAll("[data-testid=obligation]").Length);
        Assert.Equal(
            Enumerable.Range(1, 10).Select(n => PersianDigits.Format(n)),
            providerItems.Select(li => li.QuerySelector(".obligation-order")!.TextContent.Trim()));
        Assert.Contains("به زمان ارائه شده در میز خدمت", providerItems[0].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Obligation_targets_are_chips_and_a_url_target_is_a_link()
    {
        var page = await OpenAsync(Seeded.Certificate);

        var targets = page.FindAll("[data-testid=target]");
        Assert.Equal(2, targets.Count);
        Assert.Contains("۲۴×۷", targets[0].TextContent, StringComparison.Ordinal);
        var link = targets[1].QuerySelector("a") ?? targets[1];
        Assert.Equal("https://ito.gov.ir/page/certificates", link.GetAttribute("href"));
        Assert.Contains("https://ito.gov.ir/page/certificates", targets[1].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Data_classification_table_has_the_seven_columns_in_persian()
    {
        var page = await OpenAsync(Seeded.Certificate);

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
        var page = await OpenAsync(Seeded.SoftwareApproval);

        var iban = page.Find("[data-testid=iban]");
        Assert.Equal(Seeded.InvalidIban, iban.TextContent);
        Assert.Equal("ltr", iban.GetAttribute("dir"));
        var warning = page.Find("[data-testid=iban-invalid]");
        Assert.Contains("شبا نامعتبر", warning.TextContent, StringComparison.Ordinal);
        Assert.Equal($"شبا نامعتبر: {Iban.Validate(Seeded.InvalidIban)}", warning.GetAttribute("aria-label"));
        page.Find(".mud-tooltip-root").TriggerEvent("onpointerenter", new Microsoft.AspNetCore.Components.Web.PointerEventArgs());
        page.WaitForAssertion(() => Assert.Contains(Iban.Validate(Seeded.InvalidIban)!, Popovers!.Markup, StringComparison.Ordinal));
        Assert.Contains("آنلاین، دستی", page.Find("[data-testid=payments]").TextContent, StringComparison.Ordinal);
        Assert.Equal("وزارت اقتصاد و امور دارایی کشور", page.Find("[data-testid=account-owner]").TextContent.Trim());
        Assert.Equal("مکانیزم واریز به شرح زیر می\u200cباشد:", page.Find("[data-testid=payments-intro]").TextContent.Trim());
    }

    [Fact]
    public async Task Fee_amount_is_in_persian_digits_with_separator_and_rials()
    {
        var page = await OpenAsync(Seeded.SoftwareApproval);

        Assert.Equal("۱۰۰٬۰۰۰ ریال", page.Find("[data-testid=amount]").TextContent.Trim());
    }

    [Fact]
    public async Task Validity_is_a_jalali_date_in_persian_digits()
    {
        var page = await OpenAsync(Seeded.SmartServices);

        Assert.Contains("تا ۱۴۰۳/۱۲/۳۰", page.Find("[data-testid=validity]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Legal_references_carry_their_jalali_dates()
    {
        var page = await OpenAsync(Seeded.Certificate);

        var references = page.Find("[data-testid=legal-references]").TextContent;
        Assert.Contains("مورخ ۱۳۸۷/۰۲/۱۷", references, StringComparison.Ordinal);
        Assert.Contains("مورخ ۱۳۹۰/۰۷/۰۸", references, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Letterhead_and_title_are_shown_as_printed()
    {
        var page = await OpenAsync(Seeded.Certificate);

        Assert.Contains("وزارت ارتباطات و فناوری اطلاعات", page.Find(".agreement-letterhead").TextContent, StringComparison.Ordinal);
        Assert.Equal("خدمت صد و گواهی احراز اصالت و سلامت اداری", page.Find("[data-testid=document-title]").TextContent.Trim());
    }

    [Fact]
    public async Task Clause_count_sentence_is_computed_where_the_agreement_states_it()
    {
        var page = await OpenAsync(Seeded.SmartServices);

        Assert.Equal("این توافقنامه در هفت بند تدوین شده است.", page.Find("[data-testid=clause-count]").TextContent.Trim());
    }

    [Fact]
    public async Task No_clause_count_sentence_where_the_agreement_does_not_state_it()
    {
        var page = await OpenAsync(Seeded.Khorasan);

        Assert.Empty(page.FindAll("[data-testid=clause-count]"));
        Assert.DoesNotContain("بند تدوین شده است", page.Find("[data-testid=section-Termination]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Empty_appendix_says_the_source_list_is_empty_and_the_signatory_is_shown()
    {
        var page = await OpenAsync(Seeded.Khorasan);

        Assert.Contains("(فهرست خدمات در متن منبع خالی است)", page.Find("[data-testid=section-Appendix]").TextContent, StringComparison.Ordinal);
        Assert.Contains("تا ۱۳۹۸/۱۲/۲۹", page.Find("[data-testid=validity]").TextContent, StringComparison.Ordinal);
        Assert.Contains("معاون هماهنگی امور اقتصادی و توسعه منابع استانداری", page.Find("[data-testid=signatory]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Excel_button_links_to_the_agreement_workbook()
    {
        var page = await OpenAsync(Seeded.SmartServices);

        var link = page.Find("[data-testid=export]");
        Assert.Equal($"/export/agreements/{AgreementId(Seeded.SmartServices)}.xlsx", link.GetAttribute("href"));
        Assert.Equal($"agreement-{AgreementId(Seeded.SmartServices)}.xlsx", link.GetAttribute("download"));
    }

    [Fact]
    public async Task A_whole_agreement_carries_no_notice_of_rows_left_out()
    {
        var page = await OpenAsync(Seeded.Certificate);

        Assert.Empty(page.FindAll("[data-testid=part-limit]"));
    }

    [Fact]
    public async Task A_version_stored_with_more_rows_than_the_limit_shows_the_first_and_says_how_many_are_left_out_and_where_they_are()
    {
        await SeedAsync();
        var id = AgreementId(Seeded.Certificate);
        await AddObligationsPastTheLimitAsync(id, number: 1);

        var page = RenderPage<AgreementPage>(p => p.Add(x => x.Id, id));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("section.agreement-section")));

        Assert.Equal(AgreementLimits.RowsPerPart, page.FindAll("[data-testid=obligation]").Count);
        var notice = page.Find("[data-testid=part-limit]").TextContent;
        Assert.Contains($"تنها {PersianDigits.Format(AgreementLimits.RowsPerPart)} ردیف نخست", notice, StringComparison.Ordinal);
        // 000 has 14 obligations of its own.
        Assert.Equal($"تعهدات: {PersianDigits.Format(1014)} ردیف ({PersianDigits.Format(514)} ردیف نشان داده نشده)", page.Find("[data-testid=part-limit-part]").TextContent.Trim());
        Assert.Contains("«همه تعهدات (اکسل)»", page.Find("[data-testid=part-limit-where]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_deposit_sentence_introduces_the_payment_table_not_the_costs_prose()
    {
        var page = await OpenAsync(Seeded.SoftwareApproval);

        var costs = page.Find("[data-testid=section-Costs]");
        Assert.Single(costs.QuerySelectorAll("p"), p => p.TextContent.Contains("مکانیزم واریز", StringComparison.Ordinal));
        Assert.NotNull(costs.QuerySelector("[data-testid=payments] [data-testid=payments-intro]"));
    }

    [Fact]
    public async Task The_provider_printed_under_the_title_of_000_is_kept()
    {
        var page = await OpenAsync(Seeded.Certificate);

        Assert.Equal([Seeded.Ito], page.FindAll("[data-testid=subheading]").Select(d => d.TextContent.Trim()));
    }

    [Fact]
    public async Task An_agreement_past_its_end_reads_expired()
    {
        var page = await OpenAsync(Seeded.Certificate); // valid until 1400/12/29; today is 1403/10/11

        Assert.Equal("نسخه ۱، منقضی", page.Find("[data-testid=version-status]").TextContent.Trim());
    }

    [Fact]
    public async Task An_agreement_that_says_nothing_of_costs_has_no_costs_clause_and_claims_no_price()
    {
        // 004's summary on its service page reads «نامشخص» (ServicePageTests); the document itself has no such clause.
        var page = await OpenAsync(Seeded.Khorasan);

        Assert.Empty(page.FindAll("[data-testid=section-Costs]"));
        Assert.DoesNotContain("رایگان", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Obligations_show_no_ticked_box_because_no_state_is_known()
    {
        var page = await OpenAsync(Seeded.Certificate);

        Assert.Equal(14, page.FindAll("[data-testid=obligation]").Count);
        Assert.Empty(page.FindAll("input[type=checkbox]:checked, [aria-checked=true], .mud-checked, .mud-checkbox-true"));
        Assert.DoesNotContain("CheckBox", page.Find("[data-testid=section-Obligations]").InnerHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task While_a_draft_exists_readers_see_the_version_in_force_and_a_link_to_the_draft()
    {
        await SeedAsync();
        var draft = await StartDraftAsync(Seeded.SmartServices, c => Drafts.RewordFirstProviderObligation(c, "تعهد بازنویسی‌شده پیش‌نویس"));
        var agreementId = AgreementId(Seeded.SmartServices);

        var page = RenderPage<AgreementPage>(p => p.Add(x => x.Id, agreementId));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("section.agreement-section")));

        Assert.Equal("نسخه ۱، منتشرشده", page.Find("[data-testid=version-status]").TextContent.Trim());
        Assert.DoesNotContain("تعهد بازنویسی‌شده پیش‌نویس", page.Find("[data-testid=section-Obligations]").TextContent, StringComparison.Ordinal);
        var notice = page.Find("[data-testid=working-version]");
        Assert.Contains("نسخه ۲", notice.TextContent, StringComparison.Ordinal);
        Assert.Contains("در دست تهیه", notice.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/agreements/{agreementId}/versions/{draft}", page.Find("[data-testid=working-link]").GetAttribute("href"));
        Assert.Empty(page.FindAll("[data-testid=not-in-force]"));
        Assert.Empty(page.FindAll("[data-testid=never-published]"));
    }

    [Fact]
    public async Task The_draft_by_its_number_is_shown_marked_as_not_in_force()
    {
        await SeedAsync();
        var draft = await StartDraftAsync(Seeded.SmartServices, c => Drafts.RewordFirstProviderObligation(c, "تعهد بازنویسی‌شده پیش‌نویس"));
        var agreementId = AgreementId(Seeded.SmartServices);

        var page = RenderPage<AgreementPage>(p => p.Add(x => x.Id, agreementId).Add(x => x.Number, draft));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("section.agreement-section")));

        Assert.Equal("نسخه ۲، پیش‌نویس", page.Find("[data-testid=version-status]").TextContent.Trim());
        Assert.Contains("تعهد بازنویسی‌شده پیش‌نویس", page.Find("[data-testid=section-Obligations]").TextContent, StringComparison.Ordinal);
        var notice = page.Find("[data-testid=not-in-force]");
        Assert.Contains("نه نسخه در حال اجرا", notice.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/agreements/{agreementId}", notice.QuerySelector("a")!.GetAttribute("href"));
        Assert.Empty(page.FindAll("[data-testid=working-version]"));
    }

    [Fact]
    public async Task The_version_in_force_by_its_number_carries_no_notice()
    {
        await SeedAsync();
        var agreementId = AgreementId(Seeded.SmartServices);

        var page = RenderPage<AgreementPage>(p => p.Add(x => x.Id, agreementId).Add(x => x.Number, 1));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("section.agreement-section")));

        Assert.Empty(page.FindAll("[data-testid=not-in-force], [data-testid=never-published], [data-testid=working-version]"));
    }

    [Fact]
    public async Task An_agreement_never_published_shows_its_draft_with_the_not_yet_published_notice()
    {
        await SeedAsync();
        int agreementId;
        await using (var db = NewDbContext())
        {
            // A new service whose first version is still a draft: no version in force.
            var seed = db.AgreementVersions.Where(v => v.Agreement.EService.Title == Seeded.SmartServices).Select(v => v.Id).Single();
            var content = AgreementContent.Of(AgreementStore.WithEverything(db.AgreementVersions).Single(v => v.Id == seed));
            var service = new EService { Title = "سامانه آزمایشی پیش‌نویس", ProviderId = db.Organizations.Single(o => o.Name == Seeded.Ito).Id };
            var agreement = new Agreement { EService = service };
            agreement.Versions.Add((content with { ServiceTitle = service.Title, Signatory = "امضاکننده پیش‌نویس" }).ToVersion(1, AgreementStatus.Draft));
            service.Agreement = agreement;
            db.Services.Add(service);
            await db.SaveChangesAsync();
            agreement.WorkingVersion = agreement.Versions[0];
            await db.SaveChangesAsync();
            agreementId = agreement.Id;
        }

        var page = RenderPage<AgreementPage>(p => p.Add(x => x.Id, agreementId));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("section.agreement-section")));

        Assert.Contains("هنوز منتشر نشده", page.Find("[data-testid=never-published]").TextContent, StringComparison.Ordinal);
        Assert.Equal("نسخه ۱، پیش‌نویس", page.Find("[data-testid=version-status]").TextContent.Trim());
        Assert.Contains("امضاکننده پیش‌نویس", page.Find("[data-testid=signatory]").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=working-version]"));
    }

    [Fact]
    public void Unknown_agreement_says_so()
    {
        var page = RenderPage<AgreementPage>(p => p.Add(x => x.Id, 4242));

        page.WaitForAssertion(() => Assert.Contains("توافقنامه‌ای با این شناسه پیدا نشد", page.Markup, StringComparison.Ordinal));
    }
}
