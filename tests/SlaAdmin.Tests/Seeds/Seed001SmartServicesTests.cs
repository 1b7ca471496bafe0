using SlaAdmin.Data.Entities;
using SlaAdmin.Persian;

namespace SlaAdmin.Tests.Seeds;

/// <summary>Seed 001: national smart-service systems (ITO); no data and no dispute section.</summary>
public sealed class Seed001SmartServicesTests(SeededCatalogue catalogue) : IClassFixture<SeededCatalogue>
{
    private const string Title = "توسعه و پشتیبانی سامانه\u200cهای ملی ارائه خدمات هوشمند";
    private AgreementVersion V => catalogue.Version(Title);

    // Sections and clause numbers as pages, workbooks and the comparison read them.
    private AgreementContent C => AgreementContent.Of(V);

    [Fact]
    public void Service_goes_to_companies_agencies_and_the_public()
    {
        var s = V.Agreement.EService;
        Assert.Equal("سازمان فناوری اطلاعات ایران", s.Provider.Name);
        Assert.Equal([OrganizationKind.ExecutiveAgency, OrganizationKind.Company, OrganizationKind.Citizen], s.Recipients.Select(r => r.Kind).Order());
        Assert.Null(s.Types);
        Assert.Null(s.Level);
        Assert.Null(s.Status);
        Assert.Equal("https://sso.ito.gov.ir", s.ServiceDeskUrl);
        Assert.Equal(Title, V.DocumentTitle);
        Assert.Null(V.Letterhead);
    }

    [Fact]
    public void Without_data_and_dispute_sections_costs_are_section_five_of_seven()
    {
        Assert.Equal(
            [SectionKind.Introduction, SectionKind.Objective, SectionKind.Responsibility, SectionKind.Obligations,
             SectionKind.Costs, SectionKind.Performance, SectionKind.Termination],
            C.Sections.Select(s => s.Kind));
        Assert.Null(C.ClauseNumberOf(SectionKind.Data));
        Assert.Null(C.ClauseNumberOf(SectionKind.DisputeResolution));
        Assert.Equal(5, C.ClauseNumberOf(SectionKind.Costs));
        Assert.Equal(6, C.ClauseNumberOf(SectionKind.Performance));
        Assert.Equal(7, C.ClauseCount);
        Assert.True(V.StatesClauseCount);
        Assert.Equal("این توافقنامه در هفت بند تدوین شده است.", PersianWords.ClauseCountSentence(C.ClauseCount));
        Assert.Empty(V.DataRows);
    }

    [Fact]
    public void Has_six_provider_and_three_recipient_obligations()
    {
        var provider = V.Side(ObligationSide.Provider);
        Assert.Equal(6, provider.Count);
        Assert.Equal(3, V.Side(ObligationSide.Recipient).Count);
        SeedAssert.OrdersAreSequential(V);
        Assert.Contains("https://sso.ito.gov.ir", provider[0].Text);
        Assert.Equal("24×7", provider[1].Target);
        Assert.Contains("7*24", provider[1].Text);
        Assert.Equal("سازمان متعهد می\u200cشود سهولت دسترسی کاربران به خدمات در پنجره ملی خدمات دولت هوشمند را تضمین نماید.", provider[5].Text);
    }

    [Fact]
    public void Service_is_free_with_the_note_as_printed()
    {
        Assert.True(V.IsFree);
        Assert.StartsWith("این خدمت به صورت رایگان صورت می\u200cپذیرد", V.CostNote);
        Assert.Empty(V.Fees);
    }

    [Fact]
    public void Valid_until_the_last_day_of_leap_year_1403()
    {
        Assert.Equal(Jalali.EndOfYear(1403), V.ValidUntil);
        Assert.Equal("1403/12/30", Jalali.Format(V.ValidUntil!.Value));
        Assert.Equal("تا پایان سال 1403", V.ValidityText);
    }

    [Fact]
    public void Responsibility_prose_has_both_ways_of_receiving_services()
    {
        var body = V.Body(SectionKind.Responsibility);
        Assert.Contains("در حالت اول", body);
        Assert.Contains("در حالت دوم", body);
        Assert.EndsWith("ورود نماید و خدمات را دریافت کند.", body);
        Assert.Empty(V.LegalReferences);
    }
}
