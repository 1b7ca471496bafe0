using System.Globalization;
using System.Text;

namespace SlaAdmin.Excel;

/// <summary>HTTP headers for sending a workbook to a browser.</summary>
public static class WorkbookDownload
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>
    /// <c>attachment; filename="agreement-12.xlsx"; filename*=UTF-8''…</c>: browsers that read RFC 5987
    /// take the percent-encoded (Persian) name, older ones the ASCII fallback.
    /// </summary>
    public static string ContentDisposition(string fileName, string asciiFallback)
    {
        if (asciiFallback.Any(c => c is < ' ' or > '~' or '"' or '\\'))
            throw new ArgumentException("The fallback name must be plain printable ASCII without quotes.", nameof(asciiFallback));
        return $"attachment; filename=\"{asciiFallback}\"; filename*=UTF-8''{Uri.EscapeDataString(SafeFileName(fileName))}";
    }

    /// <summary>
    /// Characters no file system accepts become «-»; the zero-width non-joiner becomes a space (Chromium
    /// turns it into «_» when saving); runs of space collapse; at most <see cref="MaxFileNameLength"/>
    /// UTF-16 units, cut between whole characters (text elements), so neither a surrogate pair nor a
    /// letter and its combining mark (e.g. «ّ») is split.
    /// </summary>
    public static string SafeFileName(string name)
    {
        var invalid = new HashSet<char>(Path.GetInvalidFileNameChars()) { '<', '>', ':', '"', '/', '\\', '|', '?', '*' };
        var sb = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            var safe = invalid.Contains(c) || char.IsControl(c) ? '-' : c == '\u200C' ? ' ' : c;
            if (char.IsWhiteSpace(safe) && (sb.Length == 0 || sb[^1] == ' ')) continue;
            sb.Append(char.IsWhiteSpace(safe) ? ' ' : safe);
        }
        var result = sb.ToString().Trim();
        if (result.Length <= MaxFileNameLength) return result;
        var extension = Path.GetExtension(result);
        var room = MaxFileNameLength - extension.Length;
        var cut = 0;
        while (cut < result.Length)
        {
            var next = StringInfo.GetNextTextElementLength(result.AsSpan(cut));
            if (cut + next > room) break;
            cut += next;
        }
        return result[..cut].TrimEnd() + extension;
    }

    public const int MaxFileNameLength = 120;
}
