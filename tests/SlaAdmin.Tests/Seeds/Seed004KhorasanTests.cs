using SlaAdmin.Data.Entities;
using SlaAdmin.Persian;

namespace SlaAdmin.Tests.Seeds;

/// <summary>Seed 004: the South Khorasan governorate's e-services; definitions, empty appendix, no clause count.</summary>
public sealed class Seed004KhorasanTests(SeededCatalogue catalogue) : IClassFixture<SeededCatalogue>
{
    private const string Title = "توافقنامه سطح خدمات استانداری خراسان جنوبی";
    private AgreementVersion V => catalogue.Version(Title);

    // Sections and clause numbers as pages, workbooks and the comparison read them.
    private AgreementContent C => AgreementContent.Of(V);

    [Fact]
    public void Service_of_the_governorate_for_citizens_with_no_stated_types_level_or_status()
    {
        var s = V.Agreement.EService;
        Assert.Equal("استانداری خراسان جنوبی", s.Provider.Name);
        Assert.Null(s.Level);
        Assert.Null(s.Types);
        Assert.Null(s.Status);
        Assert.Equal(OrganizationKind.Citizen, Assert.Single(s.Recipients).Kind);
        Assert.Equal("ارباب رجوع/ شهروندان", V.RecipientsDescription);
        Assert.Equal("SKO.IR", s.ServiceDeskUrl);
    }

    [Fact]
    public void Definitions_are_section_three_and_the_empty_appendix_is_not_counted()
    {
        Assert.Equal(
            [SectionKind.Introduction, SectionKind.Objective, SectionKind.Definitions, SectionKind.Responsibility,
             SectionKind.Obligations, SectionKind.Performance, SectionKind.Termination, SectionKind.Appendix],
            C.Sections.Select(s => s.Kind));
        Assert.Equal(3, C.ClauseNumberOf(SectionKind.Definitions));
        Assert.Equal(4, C.ClauseNumberOf(SectionKind.Responsibility));
        Assert.Equal(5, C.ClauseNumberOf(SectionKind.Obligations));
        Assert.Equal(6, C.ClauseNumberOf(SectionKind.Performance));
        Assert.Equal(7, C.ClauseNumberOf(SectionKind.Termination));
        Assert.Null(C.ClauseNumberOf(SectionKind.Costs));
        Assert.Null(C.ClauseNumberOf(SectionKind.Data));
        Assert.Null(C.ClauseNumberOf(SectionKind.DisputeResolution));
        Assert.Equal(7, C.ClauseCount);
        Assert.Empty(V.AppendixItems);
        Assert.Equal("", V.Body(SectionKind.Appendix));
    }

    [Fact]
    public void States_no_clause_count_and_its_termination_holds_three_terms()
    {
        Assert.False(V.StatesClauseCount);
        var terms = V.Body(SectionKind.Termination).Split('\n');
        Assert.Equal(3, terms.Length);
        Assert.Contains("هیچ تبعیضی", terms[0]);
        Assert.Contains("بلامانع است", terms[1]);
        Assert.Contains("دفتر بازرسی و امور حقوقی استانداری مرجع داوری حل اختلاف خواهد بود", terms[2]);
    }

    [Fact]
    public void Four_bullets_bind_the_governorate_and_only_the_first_binds_the_recipient()
    {
        var provider = V.Side(ObligationSide.Provider);
        var recipient = Assert.Single(V.Side(ObligationSide.Recipient));
        Assert.Equal(4, provider.Count);
        SeedAssert.OrdersAreSequential(V);
        Assert.StartsWith("خدمت\u200cگیرنده مکلف است مدارک خود را تنها از طریق سایت/ پست/ دفتر پیشخوان/ حضوری", recipient.Text);
        Assert.Contains("از طریق سایت اعلام خواهد شد", provider[0].Text);
        Assert.Contains("ضرر و زیان", provider[1].Text);
        Assert.Equal("72 ساعت", provider[2].Target);
        Assert.Contains("72 ساعت قبل", provider[2].Text);
        Assert.StartsWith("شناسنامه خدمات", provider[3].Text);
        Assert.Null(V.ProviderObligationsIntro);
        Assert.Null(V.RecipientObligationsIntro);
    }

    [Fact]
    public void Seven_definitions_in_the_source_order()
    {
        var definitions = V.Definitions.OrderBy(d => d.Order).ToList();
        Assert.Equal(
            ["خدمت\u200cدهنده", "خدمت\u200cگیرنده", "سایت", "دوره زمانی", "ساعات کار مؤثر", "قطعی خدمت", "رسید خرابی"],
            definitions.Select(d => d.Term));
        Assert.Equal("استانداری خراسان جنوبی", definitions[0].Text);
        Assert.Equal("ارباب رجوع/ شهروندان", definitions[1].Text);
        Assert.Contains("SKO.IR", definitions[2].Text);
        Assert.Equal("یک سال شمسی با فرض هر ماه 30 روز است.", definitions[3].Text);
        Assert.StartsWith("24 ساعت", definitions[4].Text);
    }

    [Fact]
    public void Valid_until_1398_12_29_under_the_deputy_governors_signature()
    {
        Assert.Equal("1398/12/29", Jalali.Format(V.ValidUntil!.Value));
        Assert.Equal("تا تاریخ 29/12/98", V.ValidityText);
        Assert.Equal("معاون هماهنگی امور اقتصادی و توسعه منابع استانداری", V.Signatory);
        Assert.Equal(2, V.Body(SectionKind.Performance).Split('\n').Length);
    }

    [Fact]
    public void Legal_basis_has_the_regulation_the_plan_law_and_the_interior_ministry_permit()
    {
        var refs = V.LegalReferences.OrderBy(r => r.Order).ToList();
        Assert.Equal(3, refs.Count);
        Assert.Equal("7740/93/206", refs[0].Number);
        Assert.Equal("1393/06/10", Jalali.Format(refs[0].Date!.Value));
        Assert.Equal("برنامه پنج ساله ششم کشور", refs[1].Title);
        Assert.Equal("بند پ ماده 67", refs[1].ArticleOrClause);
        Assert.Equal("9381", refs[2].Number);
        Assert.Contains("وزارت کشور", refs[2].ApprovingBody);
        Assert.Equal(4, V.Body(SectionKind.Responsibility).Split('\n').Length);
    }

    [Fact]
    public void Says_nothing_of_costs_so_they_are_unknown()
    {
        Assert.Null(V.IsFree);
        Assert.False(C.Has(SectionKind.Costs));
        Assert.Null(V.PaymentsIntro);
        Assert.Null(V.CostNote);
        Assert.Empty(V.Fees);
        Assert.Empty(V.PaymentMechanisms);
        Assert.Empty(V.DataRows);
    }
}
