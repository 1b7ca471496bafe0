using SlaAdmin.Data.Entities;
using SlaAdmin.Persian;

namespace SlaAdmin.Tests.Seeds;

/// <summary>Seed 003: services from the national information exchange centre (GSB, ITO).</summary>
public sealed class Seed003ExchangeCentreTests(SeededCatalogue catalogue) : IClassFixture<SeededCatalogue>
{
    private const string Title = "راهبری دریافت سرویس از مرکز ملی تبادل اطلاعات";
    private AgreementVersion V => catalogue.Version(Title);

    // Sections and clause numbers as pages, workbooks and the comparison read them.
    private AgreementContent C => AgreementContent.Of(V);

    [Fact]
    public void Document_title_lacks_the_word_service_as_printed()
    {
        Assert.Equal("توافقنامه سطح راهبری دریافت سرویس از مرکز ملی تبادل اطلاعات", V.DocumentTitle);
        Assert.DoesNotContain("خدمت", V.DocumentTitle);
        Assert.Null(V.Agreement.EService.Types);
        Assert.Equal("https://ito.gov.ir/Home/ServiceDesk", V.Agreement.EService.ServiceDeskUrl);
    }

    [Fact]
    public void Has_nine_sections_stating_their_count()
    {
        Assert.Equal(9, C.ClauseCount);
        Assert.True(V.StatesClauseCount);
        Assert.Equal(5, C.ClauseNumberOf(SectionKind.Data));
        Assert.Equal(7, C.ClauseNumberOf(SectionKind.DisputeResolution));
    }

    [Fact]
    public void Has_twelve_provider_and_five_recipient_obligations_of_its_own_wording()
    {
        var provider = V.Side(ObligationSide.Provider);
        var recipient = V.Side(ObligationSide.Recipient);
        Assert.Equal(12, provider.Count);
        Assert.Equal(5, recipient.Count);
        SeedAssert.OrdersAreSequential(V);
        Assert.Contains("تنها از طریق روش اعلام شده", recipient[0].Text);
        Assert.DoesNotContain("سامانه", recipient[0].Text);
        Assert.DoesNotContain(V.Obligations, o => o.Text.Contains("certificates", StringComparison.Ordinal) || o.Target?.Contains("certificates", StringComparison.Ordinal) == true);
        Assert.Contains("محرمانه بماند", provider[9].Text);
        Assert.Contains("حفاظت کامل", provider[10].Text);
        Assert.Contains("در صورتی که قطعی در سرویس\u200cهای ارائه شده", provider[11].Text);
        Assert.Contains("ذخیره\u200cسازی و سو استفاده احتمالی از وب سرویس", recipient[4].Text);
        Assert.Equal("24×7", provider[3].Target);
    }

    [Fact]
    public void Web_service_data_goes_from_the_agency_to_the_organization_unpublished()
    {
        var rows = V.DataRows.OrderBy(r => r.Order).ToList();
        Assert.Equal(2, rows.Count);
        var ws = rows[1];
        Assert.Equal("اطلاعات وب سرویس", ws.DataType);
        Assert.Equal(DataParty.ExecutiveAgency, ws.ProvidingUnit);
        Assert.Equal(DataParty.Organization, ws.ReceivingUnit);
        Assert.Equal(StorageLevel.Full, ws.StorageLevel);
        Assert.False(ws.UsedForAnalytics);
        Assert.False(ws.PublicVisible);
        Assert.Equal(PublicationScope.NotPublished, ws.PublicationScope);
    }

    [Fact]
    public void Free_for_agencies_and_paid_by_contract_for_businesses()
    {
        Assert.True(V.IsFree);
        Assert.Empty(V.Fees);
        Assert.Contains("برای دستگاه\u200cهای اجرایی کشور وجود ندارد.", V.CostNote);
        Assert.EndsWith("مطابق با قرارداد منعقد شده هزینه سرویس دریافت خواهد شد.", V.CostNote);
    }

    [Fact]
    public void Valid_until_the_end_of_1401()
    {
        Assert.Equal("1401/12/29", Jalali.Format(V.ValidUntil!.Value));
        Assert.Equal("تا پایان 1401", V.ValidityText);
    }

    [Fact]
    public void Responsibility_explains_the_gsb_in_three_paragraphs()
    {
        var paragraphs = V.Body(SectionKind.Responsibility).Split('\n');
        Assert.Equal(3, paragraphs.Length);
        Assert.Contains("Government Service Bus", paragraphs[1]);
        Assert.StartsWith("در این زیرخدمت", paragraphs[2]);
    }
}
