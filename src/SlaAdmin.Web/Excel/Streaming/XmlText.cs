using System.Text;

namespace SlaAdmin.Excel.Streaming;

/// <summary>Text as XML 1.0 can carry it.</summary>
public static class XmlText
{
    /// <summary>Excel refuses longer cells; the rest would make the whole file unreadable.</summary>
    public const int MaxCellLength = 32_767;

    /// <summary>
    /// Removes what XML 1.0 cannot hold (control characters other than tab, line feed and carriage
    /// return; U+FFFE, U+FFFF; unpaired surrogates). Text that needs nothing back is returned as is.
    /// </summary>
    public static string Clean(string text)
    {
        var firstBad = FirstInvalid(text);
        if (firstBad < 0) return text;

        var sb = new StringBuilder(text.Length);
        sb.Append(text, 0, firstBad);
        for (var i = firstBad; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(c).Append(text[++i]);
            }
            else if (IsValid(c))
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }

    private static int FirstInvalid(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }
            if (!IsValid(c)) return i;
        }
        return -1;
    }

    private static bool IsValid(char c) =>
        c is '\t' or '\n' or '\r' || (c >= '\u0020' && c <= '\uD7FF') || (c >= '\uE000' && c <= '\uFFFD');
}
