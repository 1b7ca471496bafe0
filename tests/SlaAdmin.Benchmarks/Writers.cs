using ClosedXML.Excel;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using SlaAdmin.Excel;
using SlaAdmin.Excel.Streaming;

namespace SlaAdmin.Benchmarks;

/// <summary>
/// The two ways the streaming writer is compared against, fed the same rows and columns as the
/// real export (its query and its column definitions).
/// </summary>
internal static class Writers
{
    /// <summary>
    /// ClosedXML's in-memory model: every cell an object, the whole sheet kept until saved. Given a
    /// fair share of the same care (RTL, bold header, frozen row, widths, number and date formats,
    /// quote prefix) but no Excel table, which only makes it slower.
    /// </summary>
    public static async Task<int> ClosedXmlAsync<TRow>(string path, string sheetName, IReadOnlyList<XlsxColumn<TRow>> columns, IAsyncEnumerable<TRow> rows)
    {
        using var book = new XLWorkbook();
        var sheet = book.Worksheets.Add(sheetName);
        sheet.RightToLeft = true;
        for (var c = 0; c < columns.Count; c++)
        {
            sheet.Cell(1, c + 1).Value = columns[c].Header;
            sheet.Column(c + 1).Width = columns[c].Width;
        }
        sheet.Row(1).Style.Font.Bold = true;
        sheet.SheetView.FreezeRows(1);

        var r = 1;
        await foreach (var row in rows)
        {
            r++;
            for (var c = 0; c < columns.Count; c++)
            {
                var value = columns[c].Value(row);
                var cell = sheet.Cell(r, c + 1);
                switch (value.Kind)
                {
                    case XlsxCellKind.Text:
                        cell.SetValue(value.TextValue);
                        if (FormulaGuard.LooksLikeFormula(value.TextValue)) cell.Style.IncludeQuotePrefix = true;
                        break;
                    case XlsxCellKind.Integer:
                        cell.Value = value.Number;
                        break;
                    case XlsxCellKind.Money:
                        cell.Value = value.Number;
                        cell.Style.NumberFormat.Format = "#,##0";
                        break;
                    case XlsxCellKind.Date:
                        cell.Value = DateOnly.FromDayNumber((int)value.Number).ToDateTime(TimeOnly.MinValue);
                        cell.Style.NumberFormat.Format = "yyyy/mm/dd";
                        break;
                }
            }
        }
        book.SaveAs(path);
        return r - 1;
    }

    /// <summary>
    /// DocumentFormat.OpenXml's forward-only OpenXmlWriter through SpreadsheetDocument.Create: the
    /// rows stream into the part, but the packaging layer holds the part until the package closes.
    /// </summary>
    public static async Task<int> OpenXmlWriterAsync<TRow>(string path, string sheetName, IReadOnlyList<XlsxColumn<TRow>> columns, IAsyncEnumerable<TRow> rows)
    {
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.Workbook = new Workbook();
        var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = Stylesheet();
        var sheetPart = workbookPart.AddNewPart<WorksheetPart>();

        var count = 0;
        using (var writer = OpenXmlWriter.Create(sheetPart))
        {
            writer.WriteStartElement(new Worksheet());
            writer.WriteElement(new SheetViews(new SheetView { RightToLeft = true, WorkbookViewId = 0U }));
            writer.WriteStartElement(new SheetData());
            writer.WriteStartElement(new Row { RowIndex = 1U });
            foreach (var column in columns) writer.WriteElement(Text(column.Header, 1U));
            writer.WriteEndElement();

            await foreach (var row in rows)
            {
                count++;
                writer.WriteStartElement(new Row { RowIndex = (uint)count + 1 });
                foreach (var column in columns)
                {
                    var value = column.Value(row);
                    switch (value.Kind)
                    {
                        case XlsxCellKind.Text:
                            writer.WriteElement(Text(value.TextValue!, FormulaGuard.LooksLikeFormula(value.TextValue) ? 4U : 0U));
                            break;
                        case XlsxCellKind.Integer:
                            writer.WriteElement(new Cell { CellValue = new CellValue(value.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)) });
                            break;
                        case XlsxCellKind.Money:
                            writer.WriteElement(new Cell { CellValue = new CellValue(value.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)), StyleIndex = 2U });
                            break;
                        case XlsxCellKind.Date:
                            var serial = value.Number - new DateOnly(1899, 12, 30).DayNumber;
                            writer.WriteElement(new Cell { CellValue = new CellValue(serial.ToString(System.Globalization.CultureInfo.InvariantCulture)), StyleIndex = 3U });
                            break;
                        default:
                            writer.WriteElement(new Cell());
                            break;
                    }
                }
                writer.WriteEndElement();
            }
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        workbookPart.Workbook.AppendChild(new Sheets(new Sheet { Name = sheetName, SheetId = 1U, Id = workbookPart.GetIdOfPart(sheetPart) }));
        workbookPart.Workbook.Save();
        return count;

        static Cell Text(string text, uint style) =>
            new(new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve })) { DataType = CellValues.InlineString, StyleIndex = style };
    }

    private static Stylesheet Stylesheet() => new(
        new NumberingFormats(
            new NumberingFormat { NumberFormatId = 164U, FormatCode = "#,##0" },
            new NumberingFormat { NumberFormatId = 165U, FormatCode = "yyyy/mm/dd" }),
        new Fonts(new Font(), new Font(new Bold())),
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
        new Borders(new Border()),
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1U, ApplyFont = true },
            new CellFormat { NumberFormatId = 164U, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 165U, ApplyNumberFormat = true },
            new CellFormat { QuotePrefix = true }));
}
