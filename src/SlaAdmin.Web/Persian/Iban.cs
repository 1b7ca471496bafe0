using System.Text;

namespace SlaAdmin.Persian;

/// <summary>
/// Iranian IBAN («شبا»): IR + 24 digits, ISO 13616 mod-97. We only judge; the stored value is
/// always what the user typed.
/// </summary>
public static class Iban
{
    public const int IranLength = 26;

    /// <summary>Spaces dropped, digits Latin, letters upper-case: the form the check runs on.</summary>
    public static string Compact(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var sb = new StringBuilder(text.Length);
        foreach (var c in PersianDigits.ToLatin(text))
        {
            if (char.IsWhiteSpace(c) || c is '-' or '\u200C' or '\u200E' or '\u200F') continue;
            sb.Append(char.ToUpperInvariant(c));
        }
        return sb.ToString();
    }

    public static bool IsValid(string? text) => Validate(text) is null;

    /// <summary>Null when valid; otherwise a Persian sentence that says what is wrong.</summary>
    public static string? Validate(string? text)
    {
        var iban = Compact(text);
        if (iban.Length == 0) return "شماره شبا خالی است.";
        if (!iban.StartsWith("IR", StringComparison.Ordinal)) return "شماره شبا باید با IR شروع شود.";
        if (iban.Length != IranLength)
            return $"شماره شبا باید {PersianDigits.ToPersian(IranLength.ToString(System.Globalization.CultureInfo.InvariantCulture))} نویسه باشد (IR و ۲۴ رقم)، اما {PersianDigits.ToPersian(iban.Length.ToString(System.Globalization.CultureInfo.InvariantCulture))} نویسه است.";
        for (var i = 2; i < iban.Length; i++)
        {
            if (iban[i] is < '0' or > '9') return "پس از IR فقط رقم مجاز است.";
        }
        return Mod97(iban) == 1 ? null : "رقم کنترل شماره شبا درست نیست.";
    }

    private static int Mod97(string iban)
    {
        var rearranged = string.Concat(iban.AsSpan(4), iban.AsSpan(0, 4));
        var remainder = 0;
        foreach (var c in rearranged)
        {
            var value = c is >= 'A' and <= 'Z' ? c - 'A' + 10 : c - '0';
            remainder = value >= 10 ? (remainder * 100 + value) % 97 : (remainder * 10 + value) % 97;
        }
        return remainder;
    }
}
