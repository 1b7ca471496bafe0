using System.Globalization;

namespace SlaAdmin.Persian;

/// <summary>Solar Hijri (Jalali) dates at the edges: we store Gregorian <see cref="DateOnly"/>.</summary>
public static class Jalali
{
    private static readonly PersianCalendar Calendar = new();

    private static readonly string[] MonthNames =
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
    /// Parses year/month/day in any digit system with «/», «-» or «.» between the parts. A year of
    /// two digits is not accepted (ambiguous). Day-first input («۸/۷/۱۳۹۰») is accepted when the
    /// year is unmistakably last, because the source documents print it that way.
    /// </summary>
    public static bool TryParse(string? text, out DateOnly date) => TryParse(text, out date, out _);

    /// <summary>
    /// As <see cref="TryParse(string?, out DateOnly)"/>; when the text is a year, month and day but the
    /// month has no such day (30 Esfand of a common year), <paramref name="problem"/> says so in Persian.
    /// </summary>
    public static bool TryParse(string? text, out DateOnly date, out string? problem)
    {
        date = default;
        problem = null;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var parts = PersianDigits.ToLatin(text.Trim()).Split('/', '-', '.');
        if (parts.Length != 3) return false;
        var numbers = new int[3];
        for (var i = 0; i < 3; i++)
        {
            if (parts[i].Length is 0 or > 4 || !int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]))
                return false;
        }
        var (year, month, day) = parts[0].Length == 4 ? (numbers[0], numbers[1], numbers[2])
            : parts[2].Length == 4 ? (numbers[2], numbers[1], numbers[0])
            : (0, 0, 0);
        if (year is < 1 or > 9377 || month is < 1 or > 12 || day < 1) return false;
        var days = Calendar.GetDaysInMonth(year, month);
        if (day > days)
        {
            var (y, d, n) = (PersianDigits.ToPersian(year.ToString(CultureInfo.InvariantCulture)), PersianDigits.ToPersian(days.ToString(CultureInfo.InvariantCulture)), MonthNames[month - 1]);
            problem = month == 12 && day == 30
                ? $"سال {y} سی‌ام {n} ندارد؛ {n} این سال {d} روز است."
                : $"{n} {d} روز است و روز {PersianDigits.ToPersian(day.ToString(CultureInfo.InvariantCulture))} ندارد.";
            return false;
        }
        date = ToDate(year, month, day);
        return true;
    }

    public static DateOnly Parse(string text) =>
        TryParse(text, out var date) ? date : throw new FormatException($"تاریخ «{text}» تاریخ شمسی معتبری نیست.");

    /// <summary>The last day of a Jalali year: 29 Esfand, or 30 in a leap year.</summary>
    public static DateOnly EndOfYear(int year) => ToDate(year, 12, Calendar.GetDaysInMonth(year, 12));
}
