using SlaAdmin.Persian;

namespace SlaAdmin.Tests.Persian;

public class JalaliTests
{
    [Theory]
    [InlineData(2022, 3, 20, "1400/12/29")]
    [InlineData(2025, 3, 20, "1403/12/30")]
    [InlineData(2023, 3, 20, "1401/12/29")]
    [InlineData(2020, 3, 19, "1398/12/29")]
    [InlineData(2008, 5, 6, "1387/02/17")]
    [InlineData(2011, 9, 30, "1390/07/08")]
    public void Format_gives_the_jalali_date(int year, int month, int day, string expected) =>
        Assert.Equal(expected, Jalali.Format(new DateOnly(year, month, day)));

    [Fact]
    public void FormatPersian_uses_persian_digits() =>
        Assert.Equal("۱۴۰۳/۱۲/۳۰", Jalali.FormatPersian(new DateOnly(2025, 3, 20)));

    [Theory]
    [InlineData("1400/12/29", 2022, 3, 20)]
    [InlineData("۱۴۰۰/۱۲/۲۹", 2022, 3, 20)]
    [InlineData("١٤٠٠-١٢-٢٩", 2022, 3, 20)]
    [InlineData("1397/7/30", 2018, 10, 22)]
    [InlineData("۸/۷/۱۳۹۰", 2011, 9, 30)]
    [InlineData("30/7/1397", 2018, 10, 22)]
    public void TryParse_reads_any_digits_and_day_first_dates(string input, int year, int month, int day)
    {
        Assert.True(Jalali.TryParse(input, out var date));
        Assert.Equal(new DateOnly(year, month, day), date);
    }

    [Theory]
    [InlineData("1400/12/30")] // 1400 is not a leap year
    [InlineData("1403/13/01")]
    [InlineData("1403/07/31")] // the second half of the year has 30-day months
    [InlineData("03/12/1")]     // no four-digit year
    [InlineData("1403/12")]
    [InlineData("فردا")]
    [InlineData("")]
    public void TryParse_refuses_dates_that_do_not_exist(string input) =>
        Assert.False(Jalali.TryParse(input, out _));

    [Fact]
    public void Parse_explains_a_bad_date_in_persian()
    {
        var error = Assert.Throws<FormatException>(() => Jalali.Parse("1400/12/30"));
        Assert.Contains("تاریخ شمسی معتبری نیست", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Thirty_esfand_of_a_common_year_is_refused_saying_the_year_has_no_such_day()
    {
        Assert.False(Jalali.TryParse("۱۴۰۴/۱۲/۳۰", out _, out var problem));
        Assert.Equal("سال ۱۴۰۴ سی‌ام اسفند ندارد؛ اسفند این سال ۲۹ روز است", problem);
        Assert.True(Jalali.TryParse("1403/12/30", out _, out problem));
        Assert.Null(problem);
    }

    [Fact]
    public void A_day_past_the_end_of_a_month_or_a_thirteenth_month_is_refused_with_the_reason()
    {
        Assert.False(Jalali.TryParse("1390/07/31", out _, out var problem));
        Assert.Equal("مهر ۳۱ روز ندارد؛ مهر ۳۰ روز است", problem);
        Assert.False(Jalali.TryParse("1390/13/01", out _, out problem));
        Assert.StartsWith("ماه ۱۳ نداریم", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void EndOfYear_knows_the_leap_year()
    {
        Assert.Equal("1403/12/30", Jalali.Format(Jalali.EndOfYear(1403)));
        Assert.Equal("1400/12/29", Jalali.Format(Jalali.EndOfYear(1400)));
    }

    [Fact]
    public void Every_day_of_a_century_survives_the_round_trip()
    {
        for (var date = new DateOnly(1990, 1, 1); date < new DateOnly(2090, 1, 1); date = date.AddDays(1))
        {
            Assert.Equal(date, Jalali.Parse(Jalali.Format(date)));
        }
    }
}
