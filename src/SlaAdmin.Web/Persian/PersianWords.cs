namespace SlaAdmin.Persian;

/// <summary>Numbers in Persian words, for sentences such as «این توافقنامه در نه بند تدوین شده است».</summary>
public static class PersianWords
{
    private static readonly string[] Units =
        ["صفر", "یک", "دو", "سه", "چهار", "پنج", "شش", "هفت", "هشت", "نه",
         "ده", "یازده", "دوازده", "سیزده", "چهارده", "پانزده", "شانزده", "هفده", "هجده", "نوزده"];

    private static readonly string[] Tens = ["", "", "بیست", "سی", "چهل", "پنجاه", "شصت", "هفتاد", "هشتاد", "نود"];

    /// <summary>0 to 99 in words.</summary>
    public static string Of(int number)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(number);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, 99);
        if (number < 20) return Units[number];
        var (tens, units) = Math.DivRem(number, 10);
        return units == 0 ? Tens[tens] : $"{Tens[tens]} و {Units[units]}";
    }

    /// <summary>Ordinal words for section headings when needed: یکم، دوم، ...</summary>
    public static string ClauseCountSentence(int count) => $"این توافقنامه در {Of(count)} بند تدوین شده است.";
}
