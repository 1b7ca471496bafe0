namespace SlaAdmin.Persian;

/// <summary>
/// The organization's clock: «today» (agreements expiring within 90 days, the date in an export's
/// file name) is Tehran's today, whatever time zone the server runs in.
/// </summary>
public sealed class TehranTime : TimeProvider
{
    public static TehranTime Instance { get; } = new();

    public override TimeZoneInfo LocalTimeZone => Zone;

    private static readonly TimeZoneInfo Zone = Find();

    /// <summary>Tehran's date now, by any clock (the app's, or a test's fake whose local zone is UTC).</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Zone).DateTime);

    /// <summary>A moment as Tehran's wall-clock time.</summary>
    public static DateTime InTehran(DateTimeOffset moment) => TimeZoneInfo.ConvertTime(moment, Zone).DateTime;

    private static TimeZoneInfo Find()
    {
        // No daylight saving since 1402; the fixed offset is the fallback where tzdata is missing.
        try { return TimeZoneInfo.FindSystemTimeZoneById("Asia/Tehran"); }
        catch (TimeZoneNotFoundException) { return TimeZoneInfo.CreateCustomTimeZone("Asia/Tehran", TimeSpan.FromHours(3.5), "Tehran", "Tehran"); }
    }
}
