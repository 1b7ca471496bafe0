using System.Globalization;

namespace SlaAdmin.Persian;

/// <summary>
/// Reads a Jalali date as people type it, and says in Persian exactly what is wrong when it cannot.
/// </summary>
/// <remarks>
/// <para>Digits may be Persian, Arabic-Indic or Latin. Between the parts: «/», «\», «-», «.», spaces, or
/// their Persian and Arabic look-alikes («؍», «٫», «۔», «،», dashes, fraction slash); runs of them count as one.
/// Invisible direction marks that come with pasted text are ignored.</para>
/// <para>Order: a four-digit year first (1400/12/29) or last (29/12/1400). Without a four-digit year, the
/// year is the last part and has two digits, as agencies print it («10/6/93», «29/12/98»): yy from 50 to 99
/// is 13yy (1350–1399) and yy from 00 to 49 is 14yy (1400–1449), the span in which an agreement of today
/// can be dated. Years of one or three digits are refused rather than guessed.</para>
/// </remarks>
public static class JalaliInput
{
    private static readonly PersianCalendar Calendar = new();

    /// <summary>
    /// Reads <paramref name="typed"/>. On success <paramref name="understood"/> is the date as it will be
    /// shown («۱۳۹۳/۰۶/۱۰»), so a field can show it before saving; on failure <paramref name="error"/> is a
    /// Persian sentence naming the wrong part.
    /// </summary>
    public static bool TryParse(string? typed, out DateOnly date, out string? understood, out string? error) =>
        TryParse(typed, allowTwoDigitYear: true, out date, out understood, out error);

    /// <summary>The same reading; <paramref name="allowTwoDigitYear"/> false demands a four-digit year.</summary>
    public static bool TryParse(string? typed, bool allowTwoDigitYear, out DateOnly date, out string? understood, out string? error)
    {
        date = default;
        understood = null;
        error = Read(typed, allowTwoDigitYear, out var year, out var month, out var day);
        if (error is not null) return false;
        date = Jalali.ToDate(year, month, day);
        understood = Jalali.FormatPersian(date);
        return true;
    }

    private static string? Read(string? typed, bool allowTwoDigitYear, out int year, out int month, out int day)
    {
        year = month = day = 0;
        if (string.IsNullOrWhiteSpace(typed)) return "تاریخ نوشته نشده است";

        var parts = new List<string>(3);
        var current = new System.Text.StringBuilder();
        foreach (var raw in typed)
        {
            var c = PersianDigits.ToLatin(raw);
            if (c is >= '0' and <= '9')
            {
                current.Append(c);
                continue;
            }
            if (IsSeparator(c) || char.IsWhiteSpace(c))
            {
                if (current.Length > 0) parts.Add(current.ToString());
                current.Clear();
                continue;
            }
            if (char.GetUnicodeCategory(c) == UnicodeCategory.Format) continue; // RLM, LRM, ALM, ZWNJ
            return $"«{raw}» در تاریخ جایی ندارد؛ تاریخ را با رقم و «/» بنویسید، مانند ۱۴۰۳/۰۶/۱۰";
        }
        if (current.Length > 0) parts.Add(current.ToString());

        if (parts.Count != 3)
            return "تاریخ سه بخش دارد (روز، ماه و سال)؛ آن را مانند ۱۴۰۳/۰۶/۱۰ یا ۱۰/۶/۱۴۰۳ بنویسید";
        if (parts.Find(p => p.Length > 4) is { } tooLong)
            return $"«{PersianDigits.ToPersian(tooLong)}» بخشی از تاریخ نیست؛ هیچ بخش تاریخ بیش از چهار رقم ندارد";

        var n = parts.ConvertAll(p => int.Parse(p, NumberStyles.None, CultureInfo.InvariantCulture));
        if (parts[0].Length == 4 && parts[2].Length == 4)
            return "تاریخ فقط یک سال دارد؛ آن را مانند ۱۴۰۳/۰۶/۱۰ بنویسید";
        if (parts[0].Length == 4)
            (year, month, day) = (n[0], n[1], n[2]);
        else if (parts[2].Length == 4)
            (year, month, day) = (n[2], n[1], n[0]);
        else if (!allowTwoDigitYear)
            return "سال را چهاررقمی بنویسید، مانند ۱۴۰۳/۰۶/۱۰";
        else if (parts[2].Length != 2)
            return "سال را چهاررقمی (۱۴۰۳/۰۶/۱۰) یا دورقمی و در آخر (۱۰/۶/۹۳) بنویسید";
        else if (n[0] > 31 && n[2] <= 31)
            // «93/6/10»: a short year typed first. Guessing would silently swap day and year of «12/6/10».
            return $"سال دورقمی در آخر می‌آید ({Of(n[2])}/{Of(n[1])}/{Of(n[0])})؛ یا سال را چهاررقمی بنویسید ({Of(FullYear(n[0]))}/{Of(n[1])}/{Of(n[2])})";
        else
            (year, month, day) = (FullYear(n[2]), n[1], n[0]);

        if (year is < 1 or > 9377) return $"سال {Of(year)} در تقویم نیست";
        if (month is < 1 or > 12) return $"ماه {Of(month)} نداریم؛ ماه از ۱ (فروردین) تا ۱۲ (اسفند) است";
        if (day is < 1 or > 31) return $"روز {Of(day)} نداریم؛ روز ماه از ۱ تا ۳۱ است";

        var daysInMonth = Calendar.GetDaysInMonth(year, month);
        if (day <= daysInMonth) return null;
        var name = Jalali.MonthNames[month - 1];
        return month == 12 && day == 30
            ? $"سال {Of(year)} سی‌ام اسفند ندارد؛ اسفند این سال {Of(daysInMonth)} روز است"
            : month == 12
                ? $"اسفند {Of(day)} روز ندارد؛ اسفند این سال {Of(daysInMonth)} روز است"
                : $"{name} {Of(day)} روز ندارد؛ {name} {Of(daysInMonth)} روز است";
    }

    /// <summary>A two-digit year as agencies print it: 50–99 are 13yy, 00–49 are 14yy.</summary>
    public static int FullYear(int twoDigitYear) => twoDigitYear >= 50 ? 1300 + twoDigitYear : 1400 + twoDigitYear;

    private static bool IsSeparator(char c) => c is '/' or '\\' or '-' or '.' or '_' or ','
        or '\u060C'              // ، Arabic comma
        or '\u060D'              // ؍ Arabic date separator
        or '\u066B' or '\u066C'  // ٫ ٬ Arabic decimal and thousands separators (Persian keyboard)
        or '\u06D4'              // ۔ Arabic full stop
        or '\u2044' or '\u2215'  // fraction slash, division slash
        or '\uFF0F'              // fullwidth solidus
        or (>= '\u2010' and <= '\u2015') or '\u2212'; // hyphens, dashes, minus

    private static string Of(int value) => PersianDigits.Of(value);
}
