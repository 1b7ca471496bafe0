using SlaAdmin.Persian;

namespace SlaAdmin.Tests.Persian;

public class JalaliInputTests
{
    [Theory]
    [InlineData("1400/12/29", 2022, 3, 20, "۱۴۰۰/۱۲/۲۹")]
    [InlineData("1400-12-29", 2022, 3, 20, "۱۴۰۰/۱۲/۲۹")]
    [InlineData("۱۴۰۰.۱۲.۲۹", 2022, 3, 20, "۱۴۰۰/۱۲/۲۹")]
    [InlineData("١٤٠٠/١٢/٢٩", 2022, 3, 20, "۱۴۰۰/۱۲/۲۹")]
    [InlineData("۱۴۰۰ ۱۲ ۲۹", 2022, 3, 20, "۱۴۰۰/۱۲/۲۹")]
    [InlineData(" 1400 / 12 / 29 ", 2022, 3, 20, "۱۴۰۰/۱۲/۲۹")]
    [InlineData("۱۴۰۰٫۱۲٫۲۹", 2022, 3, 20, "۱۴۰۰/۱۲/۲۹")]   // the Persian keyboard's «٫»
    [InlineData("۲۹؍۱۲؍۱۴۰۰", 2022, 3, 20, "۱۴۰۰/۱۲/۲۹")]   // the Arabic date separator
    [InlineData("29/12/1400", 2022, 3, 20, "۱۴۰۰/۱۲/۲۹")]
    [InlineData("\u200F۱۴۰۰/۱۲/۲۹\u200E", 2022, 3, 20, "۱۴۰۰/۱۲/۲۹")] // direction marks from pasted text
    [InlineData("1403/12/30", 2025, 3, 20, "۱۴۰۳/۱۲/۳۰")]   // 1403 is a leap year
    public void Reads_year_first_and_day_first_dates_in_any_digits(string typed, int year, int month, int day, string understood)
    {
        Assert.True(JalaliInput.TryParse(typed, out var date, out var shown, out var error), error);
        Assert.Equal(new DateOnly(year, month, day), date);
        Assert.Equal(understood, shown);
        Assert.Null(error);
    }

    [Theory]
    [InlineData("۱۰/۶/۹۳", 2014, 9, 1, "۱۳۹۳/۰۶/۱۰")]
    [InlineData("10/6/93", 2014, 9, 1, "۱۳۹۳/۰۶/۱۰")]
    [InlineData("29/12/98", 2020, 3, 19, "۱۳۹۸/۱۲/۲۹")]
    [InlineData("1/1/50", 1971, 3, 21, "۱۳۵۰/۰۱/۰۱")]      // 50 to 99 are 13yy
    [InlineData("1/1/03", 2024, 3, 20, "۱۴۰۳/۰۱/۰۱")]      // 00 to 49 are 14yy
    [InlineData("۱/۱/۰۰", 2021, 3, 21, "۱۴۰۰/۰۱/۰۱")]
    [InlineData("29/12/49", 2071, 3, 19, "۱۴۴۹/۱۲/۲۹")]
    public void Reads_two_digit_years_as_agencies_print_them(string typed, int year, int month, int day, string understood)
    {
        Assert.True(JalaliInput.TryParse(typed, out var date, out var shown, out var error), error);
        Assert.Equal(new DateOnly(year, month, day), date);
        Assert.Equal(understood, shown);
    }

    [Theory]
    [InlineData(0, 1400)]
    [InlineData(49, 1449)]
    [InlineData(50, 1350)]
    [InlineData(99, 1399)]
    public void FullYear_puts_00_to_49_in_the_1400s_and_50_to_99_in_the_1300s(int twoDigits, int year) =>
        Assert.Equal(year, JalaliInput.FullYear(twoDigits));

    [Theory]
    [InlineData("1404/12/30", "سال ۱۴۰۴ سی‌ام اسفند ندارد؛ اسفند این سال ۲۹ روز است")]
    [InlineData("30/12/1400", "سال ۱۴۰۰ سی‌ام اسفند ندارد؛ اسفند این سال ۲۹ روز است")]
    [InlineData("1403/12/31", "اسفند ۳۱ روز ندارد؛ اسفند این سال ۳۰ روز است")]
    [InlineData("1403/07/31", "مهر ۳۱ روز ندارد؛ مهر ۳۰ روز است")]
    [InlineData("1403/13/01", "ماه ۱۳ نداریم؛ ماه از ۱ (فروردین) تا ۱۲ (اسفند) است")]
    [InlineData("1403/00/10", "ماه ۰ نداریم؛ ماه از ۱ (فروردین) تا ۱۲ (اسفند) است")]
    [InlineData("1403/01/32", "روز ۳۲ نداریم؛ روز ماه از ۱ تا ۳۱ است")]
    [InlineData("32/1/1403", "روز ۳۲ نداریم؛ روز ماه از ۱ تا ۳۱ است")]
    public void Says_exactly_which_part_of_the_date_does_not_exist(string typed, string expected)
    {
        Assert.False(JalaliInput.TryParse(typed, out var date, out var understood, out var error));
        Assert.Equal(expected, error);
        Assert.Null(understood);
        Assert.Equal(default, date);
    }

    [Theory]
    [InlineData("", "تاریخ نوشته نشده است")]
    [InlineData("1403/12", "تاریخ سه بخش دارد")]
    [InlineData("1403/12/01/5", "تاریخ سه بخش دارد")]
    [InlineData("فردا", "«ف» در تاریخ جایی ندارد")]
    [InlineData("10/6/3", "سال را چهاررقمی")]
    [InlineData("10/6/403", "سال را چهاررقمی")]
    [InlineData("1403/6/14035", "«۱۴۰۳۵» بخشی از تاریخ نیست")]
    [InlineData("1403/6/1403", "تاریخ فقط یک سال دارد")]
    [InlineData("93/6/10", "سال دورقمی در آخر می‌آید (۱۰/۶/۹۳)؛ یا سال را چهاررقمی بنویسید (۱۳۹۳/۶/۱۰)")]
    public void Explains_what_it_cannot_read(string typed, string expected)
    {
        Assert.False(JalaliInput.TryParse(typed, out _, out _, out var error));
        Assert.NotNull(error);
        Assert.StartsWith(expected, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("10/6/93")]
    [InlineData("29/12/98")]
    public void Jalali_TryParse_for_workbooks_still_wants_a_four_digit_year(string text) =>
        Assert.False(Jalali.TryParse(text, out _));

    [Fact]
    public void Jalali_Parse_says_why_the_date_is_wrong()
    {
        var error = Assert.Throws<FormatException>(() => Jalali.Parse("1404/12/30"));
        Assert.Contains("سی‌ام اسفند ندارد", error.Message, StringComparison.Ordinal);
    }
}
