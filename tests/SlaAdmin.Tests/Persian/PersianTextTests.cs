using SlaAdmin.Persian;

namespace SlaAdmin.Tests.Persian;

public class PersianTextTests
{
    [Fact]
    public void Fold_makes_arabic_yeh_and_kaf_persian()
    {
        Assert.Equal(PersianText.Fold("گواهی"), PersianText.Fold("گواهي"));
        Assert.Equal("کد", PersianText.Fold("كد"));
    }

    [Theory]
    [InlineData("می‌شود", "میشود")]
    [InlineData("سامانه‌ها", "سامانهها")]
    [InlineData("نرم‌افزار", "نرمافزار")]
    [InlineData("فناوری  اطلاعات\nایران", "فناوری اطلاعات ایران")]
    [InlineData("  گواهی ", "گواهی")]
    [InlineData("عدالـــت", "عدالت")]
    public void Fold_ignores_zwnj_tatweel_and_extra_whitespace(string input, string expected) =>
        Assert.Equal(expected, PersianText.Fold(input));

    [Theory]
    [InlineData("۱۴۰۳")]
    [InlineData("١٤٠٣")]
    [InlineData("1403")]
    public void Fold_makes_every_digit_system_latin(string input) =>
        Assert.Equal("1403", PersianText.Fold(input));

    [Fact]
    public void Fold_lowercases_latin_text_so_urls_match_in_any_case() =>
        Assert.Equal("https://ito.gov.ir", PersianText.Fold("HTTPS://ITO.gov.ir"));

    [Fact]
    public void Normalize_keeps_a_single_zwnj_between_letters()
    {
        Assert.Equal("می‌شود", PersianText.Normalize("می\u200C\u200Cشود"));
        Assert.Equal("می شود", PersianText.Normalize("می\u200C شود"));
        Assert.Equal("گواهی", PersianText.Normalize("\u200Cگواهی\u200C"));
    }

    [Fact]
    public void Normalize_folds_arabic_letters_but_keeps_digits_and_line_breaks()
    {
        Assert.Equal("ماده ۲۱ قانون\nاساسی", PersianText.Normalize("ماده ۲۱ قانون\nاساسي"));
        Assert.Equal("کتاب", PersianText.Normalize("كتاب"));
    }

    [Fact]
    public void Teh_marbuta_matches_heh_in_search_but_is_kept_in_stored_text()
    {
        Assert.Equal(PersianText.Fold("ماده"), PersianText.Fold("مادة"));
        Assert.Equal("مادة", PersianText.Normalize("مادة"));
    }

    [Fact]
    public void Normalize_of_null_is_empty() => Assert.Equal("", PersianText.Normalize(null));
}
