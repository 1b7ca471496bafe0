using Bunit;
using Microsoft.Extensions.DependencyInjection;
using SlaAdmin.Data.Entities;
using SlaAdmin.Features.Agreements;
using SlaAdmin.Features.Agreements.Editing;
using SlaAdmin.Tests.TestSupport;

namespace SlaAdmin.Tests.Features.Agreements.Editing;

public class CostsEditorTests : EditorTestContext<CostsEditor>
{
    private static readonly FeeLine Approval = new(Guid.NewGuid(), 1, "تاییدیه فنی نرم‌افزار", CostType.Provision, "شامل پشتیبانی", null);

    private static AgreementContent WithFee => new() { IsFree = false, Fees = [Approval] };

    [Theory]
    [InlineData("۱۰۰٬۰۰۰")]
    [InlineData("١٠٠،٠٠٠")]
    [InlineData("100,000")]
    [InlineData("100000")]
    public void An_amount_in_any_digits_with_or_without_separators_is_read_and_shown_in_persian(string typed)
    {
        var editor = RenderEditor(WithFee);

        Type(editor, "fee-amount", typed);

        Assert.Equal(100_000, Assert.Single(Last.Fees).AmountRials);
        Assert.Equal("۱۰۰٬۰۰۰", ValueOf(editor, "fee-amount"));
        Assert.Equal("false", editor.Find("input[data-testid=fee-amount]").GetAttribute("aria-invalid"));
    }

    [Fact]
    public void An_unreadable_amount_is_kept_as_typed_with_a_persian_message_and_never_handed_on()
    {
        var editor = RenderEditor(WithFee with { Fees = [Approval with { AmountRials = 100_000 }] });

        Type(editor, "fee-amount", "۱۰۰x");

        Assert.Empty(Changes);
        Assert.Equal("۱۰۰x", ValueOf(editor, "fee-amount"));
        var field = editor.Find("input[data-testid=fee-amount]");
        Assert.Equal("true", field.GetAttribute("aria-invalid"));
        Assert.Contains("مبلغ خوانده نشد", editor.Find("[data-testid=fee-row]").TextContent, StringComparison.Ordinal);

        // Corrected, it is read, handed on and the message goes.
        Type(editor, "fee-amount", "۲۰۰۰۰۰");
        Assert.Equal(200_000, Assert.Single(Assert.Single(Changes).Fees).AmountRials);
        Assert.Equal("false", editor.Find("input[data-testid=fee-amount]").GetAttribute("aria-invalid"));
    }

    [Fact]
    public void A_cleared_amount_is_unknown()
    {
        var editor = RenderEditor(WithFee with { Fees = [Approval with { AmountRials = 100_000 }] });

        Type(editor, "fee-amount", " ");

        Assert.Null(Assert.Single(Last.Fees).AmountRials);
    }

    [Fact]
    public async Task Seed_002s_invalid_iban_is_kept_exactly_as_printed_with_a_warning()
    {
        await SeedAsync();
        var view = await Services.GetRequiredService<AgreementStore>().LoadAsync(AgreementId(Seeded.SoftwareApproval));

        var editor = RenderEditor(view!.Content);

        Assert.Equal(Seeded.InvalidIban, ValueOf(editor, "payment-iban"));
        var warning = editor.Find("[data-testid=iban-warning]");
        Assert.Contains("شبا نامعتبر", warning.TextContent, StringComparison.Ordinal);
        Assert.Contains("۲۶ نویسه", warning.TextContent, StringComparison.Ordinal);

        // Editing another field of the payment hands the IBAN on untouched.
        Type(editor, "payment-owner", "وزارت اقتصاد و امور دارایی");
        Assert.Equal(Seeded.InvalidIban, Assert.Single(Last.Payments).Iban);
    }

    [Fact]
    public void A_typed_iban_is_kept_exactly_as_typed_valid_or_not()
    {
        var editor = RenderEditor(new AgreementContent { IsFree = false });
        editor.Find("[data-testid=add-payment]").Click();

        Type(editor, "payment-iban", " ir54 0100 0040 0100 0901 0010 8");

        Assert.Equal(" ir54 0100 0040 0100 0901 0010 8", Assert.Single(Last.Payments).Iban);
        Assert.NotEmpty(editor.FindAll("[data-testid=iban-invalid]"));
        Assert.NotEqual(Guid.Empty, Last.Payments[0].Clause);
    }

    [Fact]
    public void A_valid_iban_shows_no_warning()
    {
        var editor = RenderEditor(new AgreementContent
        {
            IsFree = false,
            Payments = [new PaymentLine(Guid.NewGuid(), 1, "واریز", null, "IR062960000000100324200001", PaymentChannels.Online)],
        });

        Assert.Empty(editor.FindAll("[data-testid=iban-warning]"));
    }

    [Fact]
    public void Channels_are_two_checkboxes_that_combine()
    {
        var editor = RenderEditor(new AgreementContent
        {
            IsFree = false,
            Payments = [new PaymentLine(Guid.NewGuid(), 1, "واریز", null, null, PaymentChannels.Online)],
        });

        editor.Find("input[data-testid=channel-manual]").Change(true);
        Assert.Equal(PaymentChannels.Online | PaymentChannels.Manual, Last.Payments[0].Channels);
        editor.Find("input[data-testid=channel-online]").Change(false);
        Assert.Equal(PaymentChannels.Manual, Last.Payments[0].Channels);
    }

    [Fact]
    public void Unknown_costs_selected_is_is_free_null()
    {
        var editor = RenderEditor(WithFee);

        editor.Find("input[data-testid=costs-unknown]").Click();

        Assert.Null(Last.IsFree);
    }

    [Fact]
    public void Choosing_free_with_fee_rows_keeps_the_rows_and_shows_the_rule()
    {
        var editor = RenderEditor(WithFee);

        editor.Find("input[data-testid=costs-free]").Click();

        Assert.True(Last.IsFree);
        Assert.Equal([Approval], Last.Fees);
        var rule = AgreementRules.Validate(Last).Single(p => p.Where == "هزینه‌ها");
        Assert.Contains(rule.Message, editor.Find("[data-testid=problems]").TextContent, StringComparison.Ordinal);
        Assert.Single(editor.FindAll("[data-testid=fee-row]"));
    }

    [Fact]
    public void Fee_rows_are_added_and_moved_with_their_identities()
    {
        var editor = RenderEditor(WithFee);

        editor.Find("[data-testid=add-fee]").Click();
        var added = Last.Fees[1];
        editor.FindAll("[data-testid=fee-row]")[1].QuerySelector("[data-testid=move-up]")!.Click();

        Assert.Equal([added with { Order = 1 }, Approval with { Order = 2 }], Last.Fees);
        Assert.NotEqual(Approval.Clause, added.Clause);
    }
}
