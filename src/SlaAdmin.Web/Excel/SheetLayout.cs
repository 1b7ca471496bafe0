using ClosedXML.Excel;

namespace SlaAdmin.Excel;

/// <summary>The look every data sheet shares: right-to-left, a styled header row in an Excel table, ready to print.</summary>
public static class SheetLayout
{
    public const double MinColumnWidth = 8;
    public const double MaxColumnWidth = 80;

    private static readonly XLColor HeaderFill = XLColor.FromHtml("#DCE6F1");

    /// <summary>
    /// Writes <paramref name="headers"/> in row 1 (bold, filled), makes header and <paramref name="rowCount"/>
    /// rows an Excel table with filters, freezes the header, sets landscape printing one page wide with
    /// the header repeated on every page, and sizes the columns from their text.
    /// </summary>
    public static IXLTable WriteTable(IXLWorksheet sheet, string tableName, IReadOnlyList<string> headers, int rowCount)
    {
        sheet.RightToLeft = true;
        for (var column = 1; column <= headers.Count; column++) sheet.Cell(1, column).SetText(headers[column - 1]);

        // Excel repairs a table that has a header but no row below it, so an empty sheet keeps one blank row.
        var lastRow = 1 + Math.Max(rowCount, 1);
        var table = sheet.Range(1, 1, lastRow, headers.Count).CreateTable(tableName);
        table.ShowAutoFilter = true;
        table.Theme = XLTableTheme.TableStyleLight1;

        var header = sheet.Range(1, 1, 1, headers.Count).Style;
        header.Font.Bold = true;
        header.Fill.BackgroundColor = HeaderFill;
        header.Alignment.Vertical = XLAlignmentVerticalValues.Center;
        sheet.Range(2, 1, lastRow, headers.Count).Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;

        sheet.SheetView.FreezeRows(1);
        sheet.PageSetup.PageOrientation = XLPageOrientation.Landscape;
        sheet.PageSetup.FitToPages(1, 0);
        sheet.PageSetup.SetRowsToRepeatAtTop(1, 1);

        SizeColumns(sheet, headers.Count, lastRow);
        return table;
    }

    /// <summary>
    /// Column widths from the longest line in each column, within [<see cref="MinColumnWidth"/>,
    /// <see cref="MaxColumnWidth"/>]; long text wraps. (ClosedXML's AdjustToContents needs libgdiplus.)
    /// </summary>
    public static void SizeColumns(IXLWorksheet sheet, int columnCount, int lastRow)
    {
        for (var column = 1; column <= columnCount; column++)
        {
            var longest = 0;
            for (var row = 1; row <= lastRow; row++)
            {
                var cell = sheet.Cell(row, column);
                if (cell.IsEmpty()) continue;
                var text = cell.DataType == XLDataType.Text ? cell.GetString() : cell.GetFormattedString();
                foreach (var line in text.Split('\n')) longest = Math.Max(longest, line.Length);
            }
            var width = Math.Clamp(longest * 1.1 + 2, MinColumnWidth, MaxColumnWidth);
            sheet.Column(column).Width = width;
            if (width >= MaxColumnWidth) sheet.Range(2, column, lastRow, column).Style.Alignment.WrapText = true;
        }
    }

    /// <summary>
    /// A drop-down list on <paramref name="range"/> with the given choices; other values are refused by
    /// Excel with <paramref name="errorMessage"/>. Choices are written inline, so they may not contain
    /// commas or quotes and together stay within Excel's 255 characters.
    /// </summary>
    public static IXLDataValidation AddChoiceList(IXLRange range, IEnumerable<string> choices, string errorMessage)
    {
        var list = choices.ToList();
        if (list.Any(c => c.Contains(',', StringComparison.Ordinal) || c.Contains('"', StringComparison.Ordinal)))
            throw new ArgumentException("An inline choice may not contain a comma or a quote.", nameof(choices));
        var formula = string.Join(",", list);
        if (formula.Length > 255) throw new ArgumentException("Inline choices exceed Excel's 255 characters.", nameof(choices));

        var validation = range.SetDataValidation();
        validation.List($"\"{formula}\"", true);
        validation.IgnoreBlanks = true;
        validation.ShowErrorMessage = true;
        validation.ErrorStyle = XLErrorStyle.Stop;
        validation.ErrorTitle = "مقدار نادرست";
        validation.ErrorMessage = errorMessage;
        return validation;
    }
}
