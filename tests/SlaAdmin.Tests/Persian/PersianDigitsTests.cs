using SlaAdmin.Persian;

namespace SlaAdmin.Tests.Persian;

public class PersianDigitsTests
{
    [Fact]
    public void ToPersian_converts_latin_and_arabic_indic_digits_only() =>
        Assert.Equal("ماده ۲۱ و ۱۱۲", PersianDigits.ToPersian("ماده 21 و ١١٢"));

    [Fact]
    public void ToLatin_converts_persian_and_arabic_indic_digits() =>
        Assert.Equal("1/142568 1397", PersianDigits.ToLatin("۱/۱۴۲۵۶۸ ١٣٩٧"));

    [Fact]
    public void Format_groups_thousands_with_the_persian_separator() =>
        Assert.Equal("۱۰۰٬۰۰۰", PersianDigits.Format(100_000));

    [Theory]
    [InlineData("۱۰۰٬۰۰۰", 100_000)]
    [InlineData("١٠٠،٠٠٠", 100_000)]
    [InlineData("100,000", 100_000)]
    [InlineData(" 2 500 ", 2_500)]
    [InlineData("0", 0)]
    public void TryParseNumber_reads_any_digit_system_and_separator(string input, long expected)
    {
        Assert.True(PersianDigits.TryParseNumber(input, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("صد")]
    [InlineData("12a")]
    [InlineData("-5")]
    [InlineData("1.5")]
    [InlineData(",,,")]
    public void TryParseNumber_refuses_what_is_not_a_whole_number(string input) =>
        Assert.False(PersianDigits.TryParseNumber(input, out _));
}
