using System.Globalization;
using System.Xml;

namespace SlaAdmin.Excel.Streaming;

/// <summary>Writes the rows of one worksheet's sheetData; cell markup is fixed, only text goes through escaping.</summary>
internal sealed class SheetSink(XmlWriter xml, DrainBuffer buffer, Stream output, int columnCount)
{
    public const int MaxRows = 1_048_576;

    /// <summary>How much compressed output may wait before it is sent on.</summary>
    private const int DrainThreshold = 64 * 1024;

    private static readonly int ExcelEpochDay = new DateOnly(1899, 12, 30).DayNumber;

    private readonly string[] _columnNames = Enumerable.Range(0, columnCount).Select(ColumnName).ToArray();
    private string _rowNumber = "1";
    private int _nextColumn;

    /// <summary>The number of the row being written (1 is the header).</summary>
    public int RowNumber { get; private set; }

    public void HeaderRow(IReadOnlyList<string> headers)
    {
        RowNumber = 1;
        _rowNumber = "1";
        _nextColumn = 0;
        xml.WriteRaw("<row r=\"1\" ht=\"30\" customHeight=\"1\">");
        for (var i = 0; i < headers.Count; i++)
        {
            WriteText(i, headers[i], XlsxStyles.Header);
        }
        xml.WriteRaw("</row>");
    }

    public void StartRow()
    {
        if (RowNumber >= MaxRows) throw new InvalidOperationException($"A sheet holds at most {MaxRows:N0} rows.");
        RowNumber++;
        _rowNumber = RowNumber.ToString(CultureInfo.InvariantCulture);
        _nextColumn = 0;
        xml.WriteRaw("<row r=\"");
        xml.WriteRaw(_rowNumber);
        xml.WriteRaw("\">");
    }

    public void EndRow() => xml.WriteRaw("</row>");

    public void Cell(int column, XlsxCell cell, bool wrap)
    {
        switch (cell.Kind)
        {
            case XlsxCellKind.Text:
                var text = XmlText.Clean(cell.TextValue!);
                if (text.Length == 0) break;
                if (text.Length > XmlText.MaxCellLength)
                {
                    var cut = char.IsHighSurrogate(text[XmlText.MaxCellLength - 1]) ? XmlText.MaxCellLength - 1 : XmlText.MaxCellLength;
                    text = text[..cut];
                }
                WriteText(column, text, XlsxStyles.Text(wrap, FormulaGuard.LooksLikeFormula(text)));
                break;
            case XlsxCellKind.Integer:
                WriteNumber(column, cell.Number, XlsxStyles.Integer);
                break;
            case XlsxCellKind.Money:
                WriteNumber(column, cell.Number, XlsxStyles.Money);
                break;
            case XlsxCellKind.Date:
                WriteNumber(column, cell.Number - ExcelEpochDay, XlsxStyles.Date);
                break;
            case XlsxCellKind.Empty:
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(cell), cell.Kind, null);
        }
    }

    public async ValueTask DrainIfFullAsync(CancellationToken cancellationToken)
    {
        if (buffer.Pending >= DrainThreshold) await buffer.DrainAsync(output, cancellationToken);
    }

    // Always an inline string, never a formula: nothing a user typed is ever evaluated.
    private void WriteText(int column, string text, int style)
    {
        OpenCell(column);
        xml.WriteRaw(NeedsPreserve(text) ? XlsxStyles.SpacedTextCellAttributes[style] : XlsxStyles.TextCellAttributes[style]);
        xml.WriteString(text);
        xml.WriteRaw("</t></is></c>");
    }

    private void WriteNumber(int column, long value, int style)
    {
        OpenCell(column);
        xml.WriteRaw(XlsxStyles.NumberCellAttributes[style]);
        xml.WriteRaw(value.ToString(CultureInfo.InvariantCulture));
        xml.WriteRaw("</v></c>");
    }

    private static bool NeedsPreserve(string text) =>
        char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]) || text.Contains("  ", StringComparison.Ordinal) || text.Contains('\n') || text.Contains('\t');

    // A cell's reference (r="B7") is optional while cells follow one another; it is written only
    // after an empty cell was left out. Unique references in every cell would make the compressed
    // file several times larger.
    private void OpenCell(int column)
    {
        if (column == _nextColumn)
        {
            xml.WriteRaw("<c");
        }
        else
        {
            xml.WriteRaw("<c r=\"");
            xml.WriteRaw(_columnNames[column]);
            xml.WriteRaw(_rowNumber);
            xml.WriteRaw("\"");
        }
        _nextColumn = column + 1;
    }

    /// <summary>A, B, …, Z, AA, AB, … for a zero-based column index.</summary>
    public static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + (n - 1) % 26) + name;
        }
        return name;
    }
}
