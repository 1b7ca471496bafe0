using System.Text.RegularExpressions;

namespace SlaAdmin.Excel.Streaming;

/// <summary>A sheet to stream: its name, the name of the Excel table over its data, and its columns.</summary>
public abstract partial class XlsxSheet
{
    private protected XlsxSheet(string name, string tableName)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 31 || name.IndexOfAny([':', '\\', '/', '?', '*', '[', ']']) >= 0 || name.StartsWith('\''))
            throw new ArgumentException($"'{name}' is not a valid sheet name (1-31 characters, none of : \\ / ? * [ ]).", nameof(name));
        if (!TableNamePattern().IsMatch(tableName))
            throw new ArgumentException($"'{tableName}' is not a valid table name (a letter, then letters, digits or _, with a lower-case letter after the first).", nameof(tableName));
        Name = name;
        TableName = tableName;
    }

    public string Name { get; }
    public string TableName { get; }

    internal abstract IReadOnlyList<string> Headers { get; }
    internal abstract IReadOnlyList<double> Widths { get; }

    /// <summary>Writes every data row through <paramref name="sink"/>; returns how many were written.</summary>
    internal abstract Task<int> WriteRowsAsync(SheetSink sink, CancellationToken cancellationToken);

    // A table name must not read as a cell reference (A1, R1C1) either; requiring a lower-case letter
    // or an underscore somewhere after the first letter rules those out.
    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]*[a-z_][A-Za-z0-9_]*$")]
    private static partial Regex TableNamePattern();
}

/// <summary>A sheet whose rows come from an asynchronous stream, one <typeparamref name="TRow"/> per row.</summary>
public sealed class XlsxSheet<TRow> : XlsxSheet
{
    private readonly IReadOnlyList<XlsxColumn<TRow>> _columns;
    private readonly IAsyncEnumerable<TRow> _rows;

    public XlsxSheet(string name, string tableName, IReadOnlyList<XlsxColumn<TRow>> columns, IAsyncEnumerable<TRow> rows)
        : base(name, tableName)
    {
        if (columns.Count == 0) throw new ArgumentException("A sheet needs at least one column.", nameof(columns));
        var headers = columns.Select(c => XmlText.Clean(c.Header).Trim()).ToList();
        // An Excel table's column names are its header cells, unique and on one line.
        if (headers.Any(h => h.Length == 0 || h.Contains('\n') || h.Contains('\r')))
            throw new ArgumentException("Every column needs a header of one line.", nameof(columns));
        var duplicate = headers.GroupBy(h => h, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new ArgumentException($"The header '{duplicate.Key}' appears twice.", nameof(columns));

        _columns = columns;
        _rows = rows;
        Headers = headers;
        Widths = columns.Select(c => c.Width).ToList();
    }

    public IReadOnlyList<XlsxColumn<TRow>> Columns => _columns;
    public IAsyncEnumerable<TRow> Rows => _rows;

    internal override IReadOnlyList<string> Headers { get; }
    internal override IReadOnlyList<double> Widths { get; }

    internal override async Task<int> WriteRowsAsync(SheetSink sink, CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var row in _rows.WithCancellation(cancellationToken))
        {
            sink.StartRow();
            for (var i = 0; i < _columns.Count; i++)
            {
                sink.Cell(i, _columns[i].Value(row), _columns[i].Wrap);
            }
            sink.EndRow();
            count++;
            await sink.DrainIfFullAsync(cancellationToken);
        }
        return count;
    }
}
