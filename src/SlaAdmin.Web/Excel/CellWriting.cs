using ClosedXML.Excel;

namespace SlaAdmin.Excel;

/// <summary>Typed cell writes for ClosedXML workbooks. Text always goes through <see cref="FormulaGuard"/>.</summary>
public static class CellWriting
{
    /// <summary>Gregorian dates show as 2022/03/20 in every locale.</summary>
    public const string DateFormat = "yyyy/mm/dd";

    public const string WholeNumberFormat = "#,##0";

    /// <summary>
    /// Text as a string cell, never a formula (ClosedXML 0.95's <c>SetValue(string)</c> keeps it as typed,
    /// unlike the <c>Value</c> setter, which reads «=…» as a formula). Formula-looking text also gets
    /// the quote prefix so it stays inert when a user edits the cell. Multi-line text wraps.
    /// </summary>
    public static IXLCell SetText(this IXLCell cell, string? text)
    {
        if (string.IsNullOrEmpty(text)) return cell.Clear(XLClearOptions.Contents);
        cell.SetValue(text);
        if (FormulaGuard.LooksLikeFormula(text)) cell.Style.IncludeQuotePrefix = true;
        if (text.Contains('\n', StringComparison.Ordinal)) cell.Style.Alignment.WrapText = true;
        return cell;
    }

    /// <summary>A whole number as a number cell with thousands separators; nothing for null.</summary>
    public static IXLCell SetWholeNumber(this IXLCell cell, long? value, string format = WholeNumberFormat)
    {
        if (value is not { } number) return cell.Clear(XLClearOptions.Contents);
        cell.SetValue(number);
        cell.Style.NumberFormat.Format = format;
        return cell;
    }

    /// <summary>A real date cell (a serial date with a date format); nothing for null.</summary>
    public static IXLCell SetDate(this IXLCell cell, DateOnly? date)
    {
        if (date is not { } day) return cell.Clear(XLClearOptions.Contents);
        cell.SetValue(day.ToDateTime(TimeOnly.MinValue));
        cell.Style.DateFormat.Format = DateFormat;
        return cell;
    }
}
