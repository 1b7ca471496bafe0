using System.Globalization;

namespace SlaAdmin.Persian;

/// <summary>
/// Persian alphabetical order for titles and names (ا ب پ ت ث ج چ ... ژ ... ک گ ... ی), in the database:
/// SQLite compares through <see cref="Compare"/> (registered on every connection as <see cref="Name"/>),
/// PostgreSQL through an ICU collation of the same name and locale. Code-point order puts «پ», «چ», «ژ»
/// and «گ» after «ی».
/// </summary>
public static class PersianCollation
{
    /// <summary>The collation's name in both databases.</summary>
    public const string Name = "persian";

    /// <summary>The ICU locale whose order it is (.NET on Linux and PostgreSQL both use ICU).</summary>
    public const string Locale = "fa-IR";

    // Under invariant globalization there is no Persian culture, and this throws at first use
    // instead of silently ordering by code point.
    private static readonly CompareInfo Persian = CultureInfo.GetCultureInfo(Locale, predefinedOnly: true).CompareInfo;

    /// <summary>
    /// The Persian order; strings the culture holds equal (a ZWNJ more or less) are then ordered by code
    /// point, so only identical strings compare equal and a unique index means what it did (PostgreSQL's
    /// deterministic collations break ties the same way).
    /// </summary>
    public static int Compare(string? x, string? y)
    {
        var order = Persian.Compare(x, y, CompareOptions.None);
        return order != 0 ? order : string.CompareOrdinal(x, y);
    }
}
