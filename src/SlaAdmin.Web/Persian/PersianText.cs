using System.Text;

namespace SlaAdmin.Persian;

/// <summary>
/// Persian text normalisation. <see cref="Normalize"/> is what we store; <see cref="Fold"/> is what we
/// compare in search (both the stored search column and the user's term go through it).
/// </summary>
public static class PersianText
{
    public const char Zwnj = '\u200C';
    private const char Tatweel = '\u0640';

    /// <summary>
    /// Clean text for storage: Arabic yeh/kaf/alef maksura become Persian ی/ک, runs of zero-width
    /// non-joiners collapse to one and are dropped beside spaces, other invisible marks go, edges trimmed.
    /// </summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var sb = new StringBuilder(text.Length);
        foreach (var raw in text)
        {
            var c = FoldLetter(raw);
            if (c is '\u200B' or '\u200D' or '\u200E' or '\u200F' or '\uFEFF') continue;
            if (c == Zwnj && (sb.Length == 0 || sb[^1] == Zwnj || char.IsWhiteSpace(sb[^1]))) continue;
            if (char.IsWhiteSpace(c) && c != '\n' && sb.Length > 0 && sb[^1] == Zwnj) sb.Length--;
            sb.Append(c);
        }
        return sb.ToString().Trim().TrimEnd(Zwnj);
    }

    /// <summary>
    /// Search key: letters folded as in <see cref="Normalize"/>, ZWNJ and tatweel removed, digits made
    /// Latin, lower-cased, whitespace collapsed to one space. «گواهي» and «گواهی» fold alike.
    /// </summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var sb = new StringBuilder(text.Length);
        foreach (var raw in text)
        {
            var c = PersianDigits.ToLatin(FoldForSearch(raw));
            if (c is Zwnj or Tatweel or '\u200B' or '\u200D' or '\u200E' or '\u200F' or '\uFEFF') continue;
            if (char.IsWhiteSpace(c))
            {
                if (sb.Length > 0 && sb[^1] != ' ') sb.Append(' ');
                continue;
            }
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString().TrimEnd();
    }

    private static char FoldLetter(char c) => c switch
    {
        '\u064A' or '\u0649' => 'ی', // Arabic yeh, alef maksura
        '\u0643' => 'ک',              // Arabic kaf
        _ => c,
    };

    // Search also matches «ة» with «ه» (e.g. «مادة»/«ماده»); stored text keeps the Arabic letter.
    private static char FoldForSearch(char c) => c == '\u0629' ? 'ه' : FoldLetter(c);
}
