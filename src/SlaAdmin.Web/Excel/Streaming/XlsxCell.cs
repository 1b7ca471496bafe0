namespace SlaAdmin.Excel.Streaming;

/// <summary>What a cell holds, which decides how it is written and formatted.</summary>
public enum XlsxCellKind
{
    Empty,
    Text,
    Integer,
    Money,
    Date,
}

/// <summary>One cell value for <see cref="XlsxStreamWriter"/>; a null value makes an empty cell.</summary>
public readonly record struct XlsxCell
{
    private XlsxCell(XlsxCellKind kind, string? text, long number)
    {
        Kind = kind;
        TextValue = text;
        Number = number;
    }

    public XlsxCellKind Kind { get; }
    public string? TextValue { get; }

    /// <summary>The integer, the amount, or the day number for dates.</summary>
    public long Number { get; }

    public static XlsxCell Empty => default;

    /// <summary>An inline string; formula-looking text stays inert (see <see cref="FormulaGuard"/>).</summary>
    public static XlsxCell Text(string? text) =>
        string.IsNullOrEmpty(text) ? Empty : new(XlsxCellKind.Text, text, 0);

    public static XlsxCell Integer(long? value) =>
        value is { } v ? new(XlsxCellKind.Integer, null, v) : Empty;

    /// <summary>An amount (rials) shown with thousands separators.</summary>
    public static XlsxCell Money(long? value) =>
        value is { } v ? new(XlsxCellKind.Money, null, v) : Empty;

    /// <summary>A real date cell (a serial number with a date format), so the column sorts and filters as dates.</summary>
    public static XlsxCell Date(DateOnly? value) =>
        value is { } d ? new(XlsxCellKind.Date, null, d.DayNumber) : Empty;
}

/// <summary>A column of a streamed sheet: its header, width in characters, and how a row gives its cell.</summary>
/// <param name="Wrap">Wrap long text inside the cell (obligation sentences); short columns stay on one line.</param>
public sealed record XlsxColumn<TRow>(string Header, double Width, Func<TRow, XlsxCell> Value, bool Wrap = false);

/// <summary>Document properties written to docProps/core.xml.</summary>
public sealed record XlsxProperties(string Title, string? Creator, DateTimeOffset Created);
