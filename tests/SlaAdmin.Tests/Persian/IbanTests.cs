using SlaAdmin.Persian;

namespace SlaAdmin.Tests.Persian;

public class IbanTests
{
    [Theory]
    [InlineData("IR062960000000100324200001")]
    [InlineData("IR06 2960 0000 0010 0324 2000 01")]
    [InlineData("ir062960000000100324200001")]
    [InlineData("IR۰۶۲۹۶۰۰۰۰۰۰۰۱۰۰۳۲۴۲۰۰۰۰۱")]
    public void A_correct_iranian_iban_is_valid_however_it_is_typed(string iban) =>
        Assert.True(Iban.IsValid(iban));

    [Fact]
    public void The_iban_printed_in_seed_002_is_invalid_because_it_has_25_characters()
    {
        var message = Iban.Validate("IR54010000400100090100108");
        Assert.NotNull(message);
        Assert.Contains("۲۶", message, StringComparison.Ordinal);
        Assert.Contains("۲۵", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("IR062960000000100324200002", "رقم کنترل")]
    [InlineData("DE89370400440532013000", "IR")]
    [InlineData("IR06296000000010032420000A", "رقم")]
    [InlineData("", "خالی")]
    public void An_invalid_iban_is_explained_in_persian(string iban, string expectedWords)
    {
        var message = Iban.Validate(iban);
        Assert.NotNull(message);
        Assert.Contains(expectedWords, message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compact_drops_spaces_and_makes_digits_latin() =>
        Assert.Equal("IR062960000000100324200001", Iban.Compact("ir۰۶ 2960 0000 0010 0324 2000 01"));
}
