using System.Globalization;
using System.Text;

namespace SlaAdmin.Persian;

/// <summary>Converts between Latin (0-9), Persian (۰-۹) and Arabic-Indic (٠-٩) digits.</summary>
public static class PersianDigits
{
    private const char PersianZero = '۰';
    private const char ArabicIndicZero = '٠';

    public static char ToLatin(char c) => c switch
    {
        >= '۰' and <= '۹' => (char)('0' + (c - PersianZero)),
        >= '٠' and <= '٩' => (char)('0' + (c - ArabicIndicZero)),
        _ => c,
    };

    public static string ToLatin(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++) chars[i] = ToLatin(chars[i]);
        return new string(chars);
    }

    /// <summary>Latin and Arabic-Indic digits become Persian; everything else is kept.</summary>
    public static string ToPersian(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var latin = ToLatin(c);
            sb.Append(latin is >= '0' and <= '9' ? (char)(PersianZero + (latin - '0')) : c);
        }
        return sb.ToString();
    }

    /// <summary>A whole number in Persian digits without separators (row numbers, years, ids): «۱۴۰۴».</summary>
    public static string Of(long value) => ToPersian(value.ToString(CultureInfo.InvariantCulture));

    /// <summary>A whole number with Persian digits and the Persian thousands separator «٬».</summary>
    public static string Format(long value) =>
        ToPersian(value.ToString("#,0", CultureInfo.InvariantCulture).Replace(',', '٬'));

    /// <summary>
    /// Parses a whole number typed in any digit system, with or without separators (٬ , ، space),
    /// e.g. «۱۰۰٬۰۰۰», «١٠٠،٠٠٠», «100,000». Returns false for anything else.
    /// </summary>
    public static bool TryParseNumber(string? text, out long value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var sb = new StringBuilder(text.Length);
        foreach (var raw in text.Trim())
        {
            var c = ToLatin(raw);
            if (c is '٬' or ',' or '،' or ' ' or '\u00A0' or '\u202F') continue;
            if (c is < '0' or > '9') return false;
            sb.Append(c);
        }
        return sb.Length > 0 && long.TryParse(sb.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}
