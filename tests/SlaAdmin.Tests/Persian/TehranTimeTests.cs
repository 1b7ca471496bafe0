using SlaAdmin.Persian;

namespace SlaAdmin.Tests.Persian;

public class TehranTimeTests
{
    [Fact]
    public void Today_is_tehrans_today_even_when_utc_is_still_yesterday()
    {
        // 21:00 UTC on 20 March 2025 is 00:30 on 21 March in Tehran: 1 Farvardin 1404.
        var utc = new DateTimeOffset(2025, 3, 20, 21, 0, 0, TimeSpan.Zero);
        var local = TimeZoneInfo.ConvertTime(utc, TehranTime.Instance.LocalTimeZone);

        Assert.Equal(TimeSpan.FromHours(3.5), local.Offset);
        Assert.Equal("1404/01/01", Jalali.Format(DateOnly.FromDateTime(local.DateTime)));
    }
}
