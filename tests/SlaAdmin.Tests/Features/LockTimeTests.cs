using SlaAdmin.Features.Users;
using SlaAdmin.Persian;

namespace SlaAdmin.Tests.Features;

public class LockTimeTests
{
    [Fact]
    public void A_lock_ending_late_in_the_utc_evening_is_shown_at_tehrans_hour_on_tehrans_next_day()
    {
        // 20:45 UTC on 1 January 2025 is 00:15 on 2 January in Tehran (UTC+3:30), whatever the server's zone.
        var until = new DateTimeOffset(2025, 1, 1, 20, 45, 0, TimeSpan.Zero);

        var shown = UserRow.FormatTime(until, TehranTime.Instance);

        Assert.Equal($"{Jalali.FormatPersian(new DateOnly(2025, 1, 2))} ساعت ۰۰:۱۵", shown);
    }
}
