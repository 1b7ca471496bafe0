using System.Globalization;

namespace SlaAdmin.Persian;

/// <summary>Solar Hijri (Jalali) dates at the edges: we store Gregorian <see cref="DateOnly"/>.</summary>
public static class Jalali
{
    private static readonly PersianCalendar Calendar = new();

    /// <summary>The month names, Farvardin first.</summary>
    internal static readonly string[] MonthNames =
        ["فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند"];

    /// <summary>«1400/12/29» with Latin digits, zero-padded.</summary>
    public static string Format(DateOnly date)
    {
        var dt = date.ToDateTime(TimeOnly.MinValue);
        return string.Create(CultureInfo.InvariantCulture,
            $"{Calendar.GetYear(dt):0000}/{Calendar.GetMonth(dt):00}/{Calendar.GetDayOfMonth(dt):00}");
    }

    /// <summary>«۱۴۰۰/۱۲/۲۹» for display.</summary>
    public static string FormatPersian(DateOnly date) => PersianDigits.ToPersian(Format(date));

    public static string FormatPersian(DateOnly? date) => date is { } d ? FormatPersian(d) : "";

    public static DateOnly ToDate(int year, int month, int day) =>
        DateOnly.FromDateTime(Calendar.ToDateTime(year, month, day, 0, 0, 0, 0));

    /// <summary>
    /// Parses year/month/day in any digit system with «/», «-», «.» (or the look-alikes
    /// <see cref="JalaliInput"/> knows) between the parts. Unlike a form field, a year of two digits is not
    /// accepted: workbooks and seeds are read without anyone seeing what was understood. Day-first input
    /// («۸/۷/۱۳۹۰») is accepted when the year is unmistakably last, because the source documents print it that way.
    /// </summary>
    public static bool TryParse(string? text, out DateOnly date) => TryParse(text, out date, out _);

    /// <summary>As <see cref="TryParse(string?, out DateOnly)"/>, with the Persian reason when the text is not a date («سال ۱۴۰۴ سی‌ام اسفند ندارد؛ …»).</summary>
    public static bool TryParse(string? text, out DateOnly date, out string? problem) =>
        JalaliInput.TryParse(text, allowTwoDigitYear: false, out date, out _, out problem);

    public static DateOnly Parse(string text) =>
        JalaliInput.TryParse(text, allowTwoDigitYear: false, out var date, out _, out var error)
            ? date
            : throw new FormatException($"تاریخ «{text}» تاریخ شمسی معتبری نیست: {error}.");

    /// <summary>The last day of a Jalali year: 29 Esfand, or 30 in a leap year.</summary>
    public static DateOnly EndOfYear(int year) => ToDate(year, 12, Calendar.GetDaysInMonth(year, 12));
}
