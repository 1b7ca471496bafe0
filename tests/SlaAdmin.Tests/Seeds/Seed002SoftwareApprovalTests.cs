using SlaAdmin.Data.Entities;
using SlaAdmin.Persian;

namespace SlaAdmin.Tests.Seeds;

/// <summary>Seed 002: software technical approval (ITO); the one with a fee and an invalid IBAN.</summary>
public sealed class Seed002SoftwareApprovalTests(SeededCatalogue catalogue) : IClassFixture<SeededCatalogue>
{
    private const string Title = "صدور تاییدیه فنی نرم\u200cافزار";
    private AgreementVersion V => catalogue.Version(Title);

    // Sections and clause numbers as pages, workbooks and the comparison read them.
    private AgreementContent C => AgreementContent.Of(V);

    [Fact]
    public void Document_has_no_title_line()
    {
        Assert.Null(V.DocumentTitle);
        Assert.Null(V.Agreement.EService.Types);
        Assert.Equal("https://ito.gov.ir/Home/ServiceDesk", V.Agreement.EService.ServiceDeskUrl);
    }

    [Fact]
    public void Has_nine_sections_and_ten_plus_four_obligations()
    {
        Assert.Equal(9, C.ClauseCount);
        Assert.True(V.StatesClauseCount);
        Assert.Equal(6, C.ClauseNumberOf(SectionKind.Costs));
        var provider = V.Side(ObligationSide.Provider);
        Assert.Equal(10, provider.Count);
        Assert.Equal(4, V.Side(ObligationSide.Recipient).Count);
        SeedAssert.OrdersAreSequential(V);
        Assert.Equal("24×7", provider[3].Target);
        Assert.Equal("https://ito.gov.ir/page/certificates", provider[8].Target);
        Assert.Equal(2, V.DataRows.Count);
    }

    [Fact]
    public void Fee_is_one_hundred_thousand_rials_for_provision_including_support()
    {
        Assert.False(V.IsFree);
        var fee = Assert.Single(V.Fees);
        Assert.Equal("تاییدیه فنی نرم\u200cافزار", fee.ServiceName);
        Assert.Equal(CostType.Provision, fee.CostType);
        Assert.Equal("شامل پشتیبانی", fee.Description);
        Assert.Equal(100_000, fee.AmountRials);
    }

    [Fact]
    public void Payment_keeps_the_printed_iban_which_is_invalid()
    {
        var payment = Assert.Single(V.PaymentMechanisms);
        Assert.Equal("IR54010000400100090100108", payment.Iban);
        Assert.Equal(25, payment.Iban!.Length);
        Assert.False(Iban.IsValid(payment.Iban));
        Assert.Equal("وزارت اقتصاد و امور دارایی کشور", payment.AccountOwnerName);
        Assert.Equal(PaymentChannels.Online | PaymentChannels.Manual, payment.Channels);
        Assert.StartsWith("واریز 100 هزار ریال به حساب وزارت اقتصاد و امور دارایی", payment.Description);
    }

    [Fact]
    public void The_deposit_sentence_introduces_the_payment_table_and_is_not_a_paragraph_of_the_costs_section()
    {
        Assert.Equal("مکانیزم واریز به شرح زیر می\u200cباشد:", V.PaymentsIntro);
        Assert.DoesNotContain("مکانیزم واریز", V.Body(SectionKind.Costs));
        Assert.Equal(V.PaymentsIntro, C.PaymentsIntro);
    }

    [Fact]
    public void Valid_until_the_end_of_the_eleventh_government_without_a_date()
    {
        Assert.Null(V.ValidUntil);
        Assert.Equal("تا پایان دولت یازدهم", V.ValidityText);
        Assert.StartsWith("در دولت بعدی", V.Body(SectionKind.Performance).Split('\n')[1]);
    }

    [Fact]
    public void Legal_basis_names_the_software_creators_rights_law()
    {
        var reference = Assert.Single(V.LegalReferences);
        Assert.Equal("قانون حمایت از حقوق پدیدآورندگان نرم\u200cافزارهای رایانه\u200cای", reference.Title);
        Assert.StartsWith("مطابق " + reference.Title, V.Body(SectionKind.Responsibility));
        Assert.EndsWith("توسط سازمان فناوری اطلاعات ایران انجام می\u200cپذیرد.", V.Body(SectionKind.Responsibility));
    }
}
