using System.Globalization;
using ClosedXML.Excel;
using SlaAdmin.Features.Agreements;
using SlaAdmin.Persian;

namespace SlaAdmin.Excel;

/// <summary>
/// Reads one sheet laid out as a header row and data rows, cell by cell, with the type each column
/// needs. Every problem is reported in Persian with sheet, row and column; a read that fails returns
/// null, so the caller can go on and report every problem of the workbook at once.
/// </summary>
public sealed class SheetReader
{
    private readonly IXLWorksheet _sheet;
    private readonly IReadOnlyList<string> _headers;
    private readonly ICollection<WorkbookProblem> _problems;
    private readonly HashSet<int> _ignoredColumns;

    /// <param name="ignoredColumns">Columns the import does not read (e.g. a reviewer's checklist); they do not make a row non-empty.</param>
    public SheetReader(IXLWorksheet sheet, IReadOnlyList<string> headers, ICollection<WorkbookProblem> problems, IEnumerable<int>? ignoredColumns = null)
    {
        _sheet = sheet;
        _headers = headers;
        _problems = problems;
        _ignoredColumns = [.. ignoredColumns ?? []];
    }

    public string Name => _sheet.Name;

    /// <summary>Names a row in messages (the summary sheet's key, for instance).</summary>
    public Func<int, string?>? RowLabel { get; init; }

    /// <summary>Checks that row 1 holds exactly the expected headers, in order, and nothing beyond them.</summary>
    public bool CheckHeaders()
    {
        var ok = true;
        for (var column = 1; column <= _headers.Count; column++)
        {
            var cell = _sheet.Cell(1, column);
            var found = cell.IsEmpty() ? "" : cell.GetString().Trim();
            if (PersianText.Fold(found) == PersianText.Fold(_headers[column - 1])) continue;
            ok = false;
            Report(ProblemSeverity.Error, 1, column, found.Length == 0
                ? $"سرستون «{_headers[column - 1]}» نیست."
                : $"سرستون باید «{_headers[column - 1]}» باشد، اما «{found}» است.");
        }
        foreach (var extra in _sheet.Row(1).CellsUsed(XLCellsUsedOptions.Contents).Where(c => c.Address.ColumnNumber > _headers.Count))
        {
            ok = false;
            Report(ProblemSeverity.Error, 1, extra.Address.ColumnNumber, $"ستون «{extra.GetString()}» در این برگه شناخته نیست.", header: extra.GetString());
        }
        return ok;
    }

    /// <summary>
    /// The numbers of the data rows that hold something, from row 2 on; blank rows are skipped. Content
    /// in columns beyond the last header is reported.
    /// </summary>
    public IReadOnlyList<int> DataRows()
    {
        var rows = new List<int>();
        foreach (var sheetRow in _sheet.RowsUsed(XLCellsUsedOptions.Contents))
        {
            var row = sheetRow.RowNumber();
            if (row < 2) continue;
            var used = sheetRow.CellsUsed(XLCellsUsedOptions.Contents).Where(c => !IsBlank(c)).ToList();
            foreach (var stray in used.Where(c => c.Address.ColumnNumber > _headers.Count))
                Report(ProblemSeverity.Error, row, stray.Address.ColumnNumber, "این خانه بیرون از ستون‌های برگه است؛ آن را پاک کنید یا به ستون درست ببرید.", header: "");
            if (used.Any(c => c.Address.ColumnNumber <= _headers.Count && !_ignoredColumns.Contains(c.Address.ColumnNumber)))
                rows.Add(row);
        }
        return rows;
    }

    public bool IsBlank(int row, int column) => IsBlank(_sheet.Cell(row, column));

    /// <summary>The text of a cell as typed (not trimmed); null when blank or unreadable.</summary>
    public string? Text(int row, int column, bool required = false, int maxLength = AgreementLimits.TextLength)
    {
        var cell = _sheet.Cell(row, column);
        if (!Readable(cell, row, column, required)) return null;
        switch (cell.DataType)
        {
            case XLDataType.Text:
                var text = cell.GetString();
                if (text.Trim().Length > maxLength)
                {
                    Report(ProblemSeverity.Error, row, column, AgreementLimits.TooLong(text.Trim().Length, maxLength));
                    return null;
                }
                return text;
            case XLDataType.Number:
                Report(ProblemSeverity.Error, row, column, $"در این خانه متن لازم است اما عدد «{PersianDigits.ToPersian(cell.GetFormattedString())}» آمده است؛ اگر همین عدد را به‌صورت متن می‌خواهید، پیش از آن ' بگذارید یا قالب خانه را «متن» کنید.");
                return null;
            default:
                Report(ProblemSeverity.Error, row, column, $"در این خانه متن لازم است اما {KindOf(cell)} آمده است.");
                return null;
        }
    }

    /// <summary>A whole number, typed as a number cell or as text in any digit system; null when blank or wrong.</summary>
    public long? WholeNumber(int row, int column, bool required = false, long min = 0, long max = long.MaxValue)
    {
        var cell = _sheet.Cell(row, column);
        if (!Readable(cell, row, column, required)) return null;
        long value;
        switch (cell.DataType)
        {
            case XLDataType.Number:
                var number = cell.GetDouble();
                if (number != Math.Floor(number) || number < long.MinValue || number > long.MaxValue)
                {
                    Report(ProblemSeverity.Error, row, column, $"عدد «{PersianDigits.ToPersian(number.ToString(CultureInfo.InvariantCulture))}» باید عدد صحیح باشد.");
                    return null;
                }
                value = (long)number;
                break;
            case XLDataType.Text when PersianDigits.TryParseNumber(cell.GetString(), out var parsed):
                value = parsed;
                break;
            case XLDataType.Text:
                Report(ProblemSeverity.Error, row, column, $"در این خانه عدد صحیح لازم است؛ «{cell.GetString().Trim()}» عدد نیست.");
                return null;
            default:
                Report(ProblemSeverity.Error, row, column, $"در این خانه عدد صحیح لازم است اما {KindOf(cell)} آمده است.");
                return null;
        }
        if (value < min || value > max)
        {
            Report(ProblemSeverity.Error, row, column, max == long.MaxValue
                ? $"عدد باید دست‌کم {Digits(min)} باشد."
                : $"عدد باید از {Digits(min)} تا {Digits(max)} باشد.");
            return null;
        }
        return value;
    }

    /// <summary>A Gregorian date: a real date cell, or text as 2022-03-20 / 2022/03/20; null when blank or wrong.</summary>
    public DateOnly? Date(int row, int column, bool required = false)
    {
        var cell = _sheet.Cell(row, column);
        if (!Readable(cell, row, column, required)) return null;
        if (cell.DataType == XLDataType.DateTime) return DateOnly.FromDateTime(cell.GetDateTime());
        if (cell.DataType == XLDataType.Text
            && DateOnly.TryParseExact(PersianDigits.ToLatin(cell.GetString().Trim()), ["yyyy-MM-dd", "yyyy/MM/dd", "yyyy-M-d", "yyyy/M/d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            && date.Year >= 1900)
        {
            return date;
        }
        Report(ProblemSeverity.Error, row, column, $"در این خانه تاریخ میلادی لازم است (مانند 2022/03/20)؛ «{PersianDigits.ToPersian(cell.GetFormattedString())}» تاریخ میلادی نیست.");
        return null;
    }

    /// <summary>A Solar Hijri date written as text (۱۴۰۰/۱۲/۲۹, any digits); null when blank or wrong.</summary>
    public DateOnly? JalaliDate(int row, int column, bool required = false)
    {
        var cell = _sheet.Cell(row, column);
        if (!Readable(cell, row, column, required)) return null;
        var text = cell.DataType == XLDataType.Text ? cell.GetString().Trim() : cell.GetFormattedString();
        string? problem = null;
        if (cell.DataType == XLDataType.Text && Jalali.TryParse(text, out var date, out problem) && JalaliYear(date) is >= 1200 and <= 1600)
            return date;
        Report(ProblemSeverity.Error, row, column, problem is not null
            ? $"«{PersianDigits.ToPersian(text)}» تاریخ شمسی درستی نیست: {problem}"
            : $"«{PersianDigits.ToPersian(text)}» تاریخ شمسی درستی نیست؛ تاریخ را به‌صورت متن و مانند ۱۴۰۰/۱۲/۲۹ بنویسید.");
        return null;
    }

    /// <summary>
    /// A choice from a vocabulary: the cell's text is handed to <paramref name="parse"/>; when it does
    /// not know the word, the message lists <paramref name="choices"/>.
    /// </summary>
    public T? Choice<T>(int row, int column, TryParseChoice<T> parse, IEnumerable<string> choices, bool required = true) where T : struct
    {
        var text = Text(row, column, required);
        if (text is null) return null;
        if (parse(text, out var value)) return value;
        Report(ProblemSeverity.Error, row, column, $"«{text.Trim()}» در فهرست مقدارهای این ستون نیست؛ یکی از این‌ها را بنویسید: {string.Join("، ", choices.Select(c => $"«{c}»"))}.");
        return null;
    }

    public void Error(int row, int column, string message) => Report(ProblemSeverity.Error, row, column, message);

    public void Warning(int row, int column, string message) => Report(ProblemSeverity.Warning, row, column, message);

    public void Report(ProblemSeverity severity, int? row, int? column, string message, string? header = null)
    {
        var columnHeader = header ?? (column is { } c && c >= 1 && c <= _headers.Count ? _headers[c - 1] : null);
        if (columnHeader?.Length == 0) columnHeader = null;
        var rowLabel = row is { } r && RowLabel is { } label ? label(r) : null;
        _problems.Add(new WorkbookProblem(severity, Name, row, column, columnHeader, message, rowLabel));
    }

    private bool Readable(IXLCell cell, int row, int column, bool required)
    {
        if (cell.HasFormula)
        {
            Report(ProblemSeverity.Error, row, column, "این خانه فرمول دارد؛ به جای فرمول، خود مقدار را بنویسید.");
            return false;
        }
        if (!IsBlank(cell)) return true;
        if (required) Report(ProblemSeverity.Error, row, column, "این خانه نباید خالی باشد.");
        return false;
    }

    private static bool IsBlank(IXLCell cell) =>
        !cell.HasFormula && (cell.IsEmpty() || (cell.DataType == XLDataType.Text && string.IsNullOrWhiteSpace(cell.GetString())));

    private static string KindOf(IXLCell cell) => cell.DataType switch
    {
        XLDataType.DateTime => "تاریخ",
        XLDataType.Boolean => "مقدار درست/نادرست",
        XLDataType.TimeSpan => "زمان",
        XLDataType.Number => "عدد",
        _ => "متن",
    };

    private static int JalaliYear(DateOnly date) => new PersianCalendar().GetYear(date.ToDateTime(TimeOnly.MinValue));

    private static string Digits(long number) => PersianDigits.ToPersian(number.ToString(CultureInfo.InvariantCulture));
}

/// <summary>Turns a cell's word into a value; false when the word is not in the vocabulary.</summary>
public delegate bool TryParseChoice<T>(string text, out T value);
