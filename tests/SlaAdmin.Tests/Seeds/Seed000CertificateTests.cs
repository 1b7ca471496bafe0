using SlaAdmin.Data.Entities;
using SlaAdmin.Persian;

namespace SlaAdmin.Tests.Seeds;

/// <summary>Seed 000: administrative authenticity and health certificate (ITO).</summary>
public sealed class Seed000CertificateTests(SeededCatalogue catalogue) : IClassFixture<SeededCatalogue>
{
    private const string Title = "صدور گواهی احراز اصالت و سلامت اداری";
    private const string Law = "قانون ارتقاء سلامت نظام اداری و مقابله با فساد";
    private AgreementVersion V => catalogue.Version(Title);

    // Sections and clause numbers as pages, workbooks and the comparison read them.
    private AgreementContent C => AgreementContent.Of(V);

    [Fact]
    public void Catalogue_entry_has_the_correct_title_while_the_document_keeps_its_slip()
    {
        Assert.Equal("خدمت صد و گواهی احراز اصالت و سلامت اداری", V.DocumentTitle);
        Assert.Equal("وزارت ارتباطات و فناوری اطلاعات\nسازمان فناوری اطلاعات ایران", V.Letterhead);
        Assert.Equal(1, V.Number);
        Assert.Equal(AgreementStatus.Published, V.Status);
    }

    [Fact]
    public void The_provider_is_printed_again_under_the_title()
    {
        Assert.Equal("سازمان فناوری اطلاعات ایران", V.Subheading);
        Assert.Equal(V.Subheading, C.Subheading);
    }

    [Fact]
    public void Service_comes_from_ito_to_companies_and_natural_persons_and_no_source_states_its_types_level_or_status()
    {
        var s = V.Agreement.EService;
        Assert.Equal("سازمان فناوری اطلاعات ایران", s.Provider.Name);
        Assert.Equal(OrganizationKind.ExecutiveAgency, s.Provider.Kind);
        Assert.Equal([OrganizationKind.Company, OrganizationKind.NaturalPerson], s.Recipients.Select(r => r.Kind).Order());
        Assert.Equal("شرکت\u200cها و اشخاص حقیقی توسعه\u200cدهنده نرم\u200cافزار", V.RecipientsDescription);
        Assert.Null(s.Types);
        Assert.Null(s.Level);
        Assert.Null(s.Status);
        Assert.Equal("https://ito.gov.ir/Home/ServiceDesk", s.ServiceDeskUrl);
        Assert.Null(s.NationalId);
        Assert.Null(s.Nature);
    }

    [Fact]
    public void Has_the_nine_template_sections_numbered_in_order()
    {
        Assert.Equal(
            [SectionKind.Introduction, SectionKind.Objective, SectionKind.Responsibility, SectionKind.Obligations, SectionKind.Data,
             SectionKind.Costs, SectionKind.DisputeResolution, SectionKind.Performance, SectionKind.Termination],
            C.Sections.Select(s => s.Kind));
        Assert.Equal(6, C.ClauseNumberOf(SectionKind.Costs));
        Assert.Equal(9, C.ClauseNumberOf(SectionKind.Termination));
        Assert.Equal(9, C.ClauseCount);
        Assert.True(V.StatesClauseCount);
        Assert.Equal("این توافقنامه در نه بند تدوین شده است.", PersianWords.ClauseCountSentence(C.ClauseCount));
        Assert.Equal("", V.Body(SectionKind.Termination));
    }

    [Fact]
    public void Has_ten_provider_and_four_recipient_obligations_with_their_targets()
    {
        var provider = V.Side(ObligationSide.Provider);
        var recipient = V.Side(ObligationSide.Recipient);
        Assert.Equal(10, provider.Count);
        Assert.Equal(4, recipient.Count);
        SeedAssert.OrdersAreSequential(V);
        Assert.Equal("24×7", provider[3].Target);
        Assert.Contains("۷*۲۴", provider[3].Text);
        Assert.Equal("https://ito.gov.ir/page/certificates", provider[8].Target);
        Assert.Contains("https://ito.gov.ir/page/certificates", provider[8].Text);
        Assert.Contains("https://ito.gov.ir/Home/ServiceDesk", provider[0].Text);
        Assert.Equal(2, provider.Count(o => o.Target is not null));
        Assert.StartsWith("تعهدات سازمان فناوری اطلاعات ایران در خصوص خدمت صدور گواهی", V.ProviderObligationsIntro);
        Assert.StartsWith("متقاضی دریافت این مجوز مکلف است مدارک خود را تنها از طریق سامانه اعلام شده", recipient[0].Text);
    }

    [Fact]
    public void Data_table_has_the_forms_row_and_the_issued_file_row()
    {
        var rows = V.DataRows.OrderBy(r => r.Order).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal(("فرم\u200cها و مدارک ارائه شده", DataParty.Applicant, DataParty.Organization, StorageLevel.Full, false, false, PublicationScope.Organization),
            (rows[0].DataType, rows[0].ProvidingUnit, rows[0].ReceivingUnit, rows[0].StorageLevel, rows[0].UsedForAnalytics, rows[0].PublicVisible, rows[0].PublicationScope));
        Assert.Equal(("فایل صادر شده", DataParty.Organization, DataParty.Applicant, StorageLevel.Full, false, true, PublicationScope.Public),
            (rows[1].DataType, rows[1].ProvidingUnit, rows[1].ReceivingUnit, rows[1].StorageLevel, rows[1].UsedForAnalytics, rows[1].PublicVisible, rows[1].PublicationScope));
    }

    [Fact]
    public void Service_is_free_with_the_note_as_printed()
    {
        Assert.True(V.IsFree);
        Assert.Equal("خدمت در حال حاضر رایگان است.", V.CostNote);
        Assert.Empty(V.Fees);
        Assert.Empty(V.PaymentMechanisms);
    }

    [Fact]
    public void Valid_until_the_end_of_1400()
    {
        Assert.Equal("1400/12/29", Jalali.Format(V.ValidUntil!.Value));
        Assert.Equal("تا پایان سال ۱۴۰۰", V.ValidityText);
        Assert.Contains("یک توافقنامه سطح خدمت جدید ایجاد و امضا خواهد شد", V.Body(SectionKind.Performance));
    }

    [Fact]
    public void Legal_basis_keeps_the_six_dates_of_the_law_and_its_mandates()
    {
        var refs = V.LegalReferences.OrderBy(r => r.Order).ToList();
        Assert.Equal(
            ["1387/02/17", "1387/02/29", "1390/07/08", "1397/07/30", "1397/10/09", "1398/11/06"],
            refs.Where(r => r.Date is not null).Select(r => Jalali.Format(r.Date!.Value)).Distinct().Order());
        Assert.Contains(refs, r => r.Title == Law && r.ArticleOrClause == "ماده ۲۱");
        Assert.Contains(refs, r => r.Title == Law && r.ArticleOrClause == "بندهای (الف)، (ب) و (ج) ماده (۲)");
        Assert.Contains(refs, r => r.Title == Law && r.ApprovingBody == "مجمع تشخیص مصلحت نظام" && Jalali.Format(r.Date!.Value) == "1390/07/08");
        Assert.Contains(refs, r => r.Title == "قانون اساسی جمهوری اسلامی ایران" && r.ArticleOrClause == "اصل یکصد و دوازدهم (۱۱۲)");
        Assert.Contains(refs, r => r.ApprovingBody == "شورای عالی فضای مجازی" && r.Number == "۱" && Jalali.Format(r.Date!.Value) == "1397/07/30");
        Assert.Contains(refs, r => r.Number == "۱/۱۴۲۵۶۸" && Jalali.Format(r.Date!.Value) == "1397/10/09");
    }

    [Fact]
    public void Responsibility_prose_keeps_the_dates_as_printed()
    {
        var body = V.Body(SectionKind.Responsibility);
        foreach (var printed in new[] { "۱۷/۱۳۸۷/۲", "۲۹/۲/۱۳۸۷", "۸/۷/۱۳۹۰", "۱۳۹۸/۱۱/۶", "۳۰/۷/۱۳۹۷", "۱۳۹۷/۱۰/۹", "۱/۱۴۲۵۶۸" })
            Assert.Contains(printed, body);
        Assert.EndsWith("به سازمان فناوری اطلاعات ایران محول شده است.", body);
    }
}
