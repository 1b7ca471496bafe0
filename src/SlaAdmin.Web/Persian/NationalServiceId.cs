namespace SlaAdmin.Persian;

/// <summary>
/// The 11-digit national service identifier («شناسه ملی خدمت»), typed in Persian, Arabic-Indic or Latin
/// digits, with or without spaces and dashes; stored in Latin digits.
/// </summary>
public static class NationalServiceId
{
    public const int Length = 11;

    /// <summary>The identifier in Latin digits, or null with a Persian message saying what is wrong. Blank is no identifier (null, no error).</summary>
    public static string? Normalize(string? typed, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(typed)) return null;
        var digits = new string([.. PersianDigits.ToLatin(typed).Where(c => !char.IsWhiteSpace(c) && c is not ('-' or '\u200C' or '\u200E' or '\u200F'))]);
        if (digits.Any(c => c is < '0' or > '9'))
        {
            error = $"«{typed.Trim()}» شناسه ملی خدمت نیست: شناسه ملی فقط ۱۱ رقم است، بی حرف و نشانه.";
            return null;
        }
        if (digits.Length != Length)
        {
            error = $"شناسه ملی خدمت ۱۱ رقم است، اما «{typed.Trim()}» {PersianDigits.Of(digits.Length)} رقم دارد.";
            return null;
        }
        return digits;
    }
}
