using System.Globalization;
using ClosedXML.Excel;
using SlaAdmin.Persian;

namespace SlaAdmin.Excel;

public enum ProblemSeverity
{
    /// <summary>Blocks the import.</summary>
    Error,

    /// <summary>Shown, but the import may go on.</summary>
    Warning,
}

/// <summary>
/// One problem found in an uploaded workbook, with where it is: sheet, row and column (each may be
/// absent for problems of the whole file or sheet). <see cref="ToString"/> is the Persian sentence shown.
/// </summary>
public sealed record WorkbookProblem(
    ProblemSeverity Severity,
    string? Sheet,
    int? Row,
    int? Column,
    string? ColumnHeader,
    string Message,
    string? RowLabel = null)
{
    public bool IsError => Severity == ProblemSeverity.Error;

    /// <summary>The column as Excel shows it (A, B, …).</summary>
    public string? ColumnLetter => Column is { } c ? XLHelper.GetColumnLetterFromNumber(c) : null;

    /// <summary>«برگه «تعهدات»، ردیف ۵، ستون C («متن تعهد»)»; empty for problems of the whole file.</summary>
    public string Location
    {
        get
        {
            var parts = new List<string>(3);
            if (Sheet is not null) parts.Add($"برگه «{Sheet}»");
            if (Row is { } row)
            {
                var number = PersianDigits.ToPersian(row.ToString(CultureInfo.InvariantCulture));
                parts.Add(RowLabel is null ? $"ردیف {number}" : $"ردیف {number} («{RowLabel}»)");
            }
            if (Column is not null) parts.Add(ColumnHeader is null ? $"ستون {ColumnLetter}" : $"ستون {ColumnLetter} («{ColumnHeader}»)");
            return string.Join("، ", parts);
        }
    }

    public override string ToString() => Location.Length == 0 ? Message : $"{Location}: {Message}";
}
