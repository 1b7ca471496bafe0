using System.IO.Compression;
using System.Runtime.CompilerServices;
using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using SlaAdmin.Excel.Streaming;

namespace SlaAdmin.Tests.Exports;

public sealed class XlsxStreamWriterTests
{
    private sealed record Item(string Title, long? Amount, DateOnly? Until, int Count, string? Note);

    private static readonly XlsxColumn<Item>[] Columns =
    [
        new("عنوان", 40, r => XlsxCell.Text(r.Title)),
        new("مبلغ (ریال)", 16, r => XlsxCell.Money(r.Amount)),
        new("اعتبار تا", 12, r => XlsxCell.Date(r.Until)),
        new("تعداد", 8, r => XlsxCell.Integer(r.Count)),
        new("یادداشت", 60, r => XlsxCell.Text(r.Note), Wrap: true),
    ];

    private static readonly Item[] Items =
    [
        new("صدور گواهی احراز اصالت", 100_000, new DateOnly(2022, 3, 20), 14, "خدمت در حال حاضر رایگان است."),
        new("=HYPERLINK(\"http://x\")", null, null, 0, "+98 21 0000"),
        new("<b> & \"quotes\" 'single'", 1_234_567_890, new DateOnly(2025, 3, 20), 3, "line one\nline two"),
    ];

    private static async IAsyncEnumerable<T> Stream<T>(IEnumerable<T> items, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var item in items)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Yield();
            yield return item;
        }
    }

    private static async Task<XLWorkbook> WriteAndOpen(IEnumerable<Item> items, string? creator = "reader@example.ir")
    {
        using var output = new ResponseLikeStream();
        await XlsxStreamWriter.WriteAsync(output,
            new XlsxProperties("فهرست خدمات", creator, new DateTimeOffset(2026, 11, 23, 8, 30, 0, TimeSpan.Zero)),
            new XlsxSheet<Item>("خدمات", "Services", Columns, Stream(items)));
        return new XLWorkbook(output.Received());
    }

    [Fact]
    public async Task Sheet_reads_right_to_left_with_bold_filled_persian_headers()
    {
        using var book = await WriteAndOpen(Items);
        var sheet = Assert.Single(book.Worksheets);
        Assert.Equal("خدمات", sheet.Name);
        Assert.True(sheet.RightToLeft);
        Assert.Equal(["عنوان", "مبلغ (ریال)", "اعتبار تا", "تعداد", "یادداشت"], sheet.Row(1).Cells(1, 5).Select(c => c.GetString()));
        var header = sheet.Cell(1, 1).Style;
        Assert.True(header.Font.Bold);
        Assert.Equal(XLFillPatternValues.Solid, header.Fill.PatternType);
        Assert.Equal(XLColor.FromArgb(0x1F, 0x4E, 0x79), header.Fill.BackgroundColor);
    }

    [Fact]
    public async Task Data_sits_in_an_excel_table_with_filters_under_a_frozen_header()
    {
        using var book = await WriteAndOpen(Items);
        var sheet = book.Worksheet(1);
        var table = Assert.Single(sheet.Tables);
        Assert.Equal("Services", table.Name);
        Assert.Equal("A1:E4", table.RangeAddress.ToStringRelative());
        Assert.True(table.ShowAutoFilter);
        Assert.Equal(["عنوان", "مبلغ (ریال)", "اعتبار تا", "تعداد", "یادداشت"], table.Fields.Select(f => f.Name));
        Assert.Equal(1, sheet.SheetView.SplitRow);
        Assert.Equal(0, sheet.SheetView.SplitColumn);
    }

    [Fact]
    public async Task Columns_have_the_widths_asked_for()
    {
        using var book = await WriteAndOpen(Items);
        var sheet = book.Worksheet(1);
        Assert.Equal(40, sheet.Column(1).Width, 1);
        Assert.Equal(16, sheet.Column(2).Width, 1);
        Assert.Equal(60, sheet.Column(5).Width, 1);
    }

    [Fact]
    public async Task Money_is_a_number_shown_with_thousands_separators()
    {
        using var book = await WriteAndOpen(Items);
        var cell = book.Worksheet(1).Cell(4, 2);
        Assert.Equal(XLDataType.Number, cell.DataType);
        Assert.Equal(1_234_567_890d, cell.GetDouble());
        Assert.Equal("#,##0", cell.Style.NumberFormat.Format);
        Assert.True(book.Worksheet(1).Cell(3, 2).IsEmpty());
        Assert.Equal(XLDataType.Number, book.Worksheet(1).Cell(2, 4).DataType);
        Assert.Equal(14d, book.Worksheet(1).Cell(2, 4).GetDouble());
    }

    [Fact]
    public async Task Dates_are_real_dates_that_sort_as_dates()
    {
        using var book = await WriteAndOpen(Items);
        var cell = book.Worksheet(1).Cell(2, 3);
        Assert.Equal(XLDataType.DateTime, cell.DataType);
        Assert.Equal(new DateTime(2022, 3, 20), cell.GetDateTime());
        Assert.Equal("yyyy/mm/dd", cell.Style.NumberFormat.Format);
        Assert.Equal(new DateTime(2025, 3, 20), book.Worksheet(1).Cell(4, 3).GetDateTime());
    }

    [Fact]
    public async Task Formula_looking_text_stays_inert_text_with_a_quote_prefix()
    {
        using var book = await WriteAndOpen(Items);
        var sheet = book.Worksheet(1);
        var formula = sheet.Cell(3, 1);
        Assert.False(formula.HasFormula);
        Assert.Equal(XLDataType.Text, formula.DataType);
        Assert.Equal("=HYPERLINK(\"http://x\")", formula.GetString());
        Assert.True(formula.Style.IncludeQuotePrefix);
        Assert.Equal("+98 21 0000", sheet.Cell(3, 5).GetString());
        Assert.True(sheet.Cell(3, 5).Style.IncludeQuotePrefix);
        Assert.False(sheet.Cell(2, 1).Style.IncludeQuotePrefix);
    }

    [Fact]
    public async Task Markup_characters_and_new_lines_come_back_unchanged()
    {
        using var book = await WriteAndOpen(Items);
        var sheet = book.Worksheet(1);
        Assert.Equal("<b> & \"quotes\" 'single'", sheet.Cell(4, 1).GetString());
        Assert.Equal("line one\nline two", sheet.Cell(4, 5).GetString().ReplaceLineEndings("\n"));
        Assert.True(sheet.Cell(4, 5).Style.Alignment.WrapText);
        Assert.Equal("صدور گواهی احراز اصالت", sheet.Cell(2, 1).GetString());
    }

    [Fact]
    public async Task Characters_xml_cannot_hold_are_dropped_and_the_rest_kept()
    {
        var dirty = new Item("گواهی\u0001\u0008 سلامت\uFFFE\uD800 اداری 😀", null, null, 1, "\u001Fیادداشت");
        using var book = await WriteAndOpen([dirty]);
        Assert.Equal("گواهی سلامت اداری 😀", book.Worksheet(1).Cell(2, 1).GetString());
        Assert.Equal("یادداشت", book.Worksheet(1).Cell(2, 5).GetString());
    }

    [Fact]
    public async Task Spaces_at_the_ends_and_in_runs_are_kept()
    {
        using var book = await WriteAndOpen([new Item("  دو فاصله  پیش و پس ", null, null, 1, "\u0002")]);
        Assert.Equal("  دو فاصله  پیش و پس ", book.Worksheet(1).Cell(2, 1).GetString());
        Assert.True(book.Worksheet(1).Cell(2, 5).IsEmpty());
    }

    [Fact]
    public async Task Properties_carry_the_title_and_the_signed_in_user()
    {
        using var book = await WriteAndOpen(Items, creator: "viewer@example.ir");
        Assert.Equal("فهرست خدمات", book.Properties.Title);
        Assert.Equal("viewer@example.ir", book.Properties.Author);
        Assert.Equal(new DateTime(2026, 11, 23, 8, 30, 0, DateTimeKind.Utc), book.Properties.Created.ToUniversalTime());
    }

    [Fact]
    public async Task Prints_landscape_one_page_wide_repeating_the_header_row()
    {
        using var book = await WriteAndOpen(Items);
        var setup = book.Worksheet(1).PageSetup;
        Assert.Equal(XLPageOrientation.Landscape, setup.PageOrientation);
        Assert.Equal(1, setup.PagesWide);
        Assert.Equal(0, setup.PagesTall);
        Assert.Equal(1, setup.FirstRowToRepeatAtTop);
        Assert.Equal(1, setup.LastRowToRepeatAtTop);
    }

    [Fact]
    public async Task An_export_without_rows_still_opens_with_its_header_and_table()
    {
        using var book = await WriteAndOpen([]);
        var sheet = book.Worksheet(1);
        Assert.Equal("عنوان", sheet.Cell(1, 1).GetString());
        Assert.True(sheet.Cell(2, 1).IsEmpty());
        Assert.Single(sheet.Tables);
    }

    [Fact]
    public async Task Several_sheets_each_get_their_own_table_and_print_titles()
    {
        using var output = new ResponseLikeStream();
        await XlsxStreamWriter.WriteAsync(output, new XlsxProperties("دو برگه", null, DateTimeOffset.UnixEpoch),
        [
            new XlsxSheet<Item>("برگه اول", "First", Columns, Stream(Items)),
            new XlsxSheet<Item>("برگهٔ دوم's", "Second", Columns, Stream(Items.Take(1))),
        ]);
        using var book = new XLWorkbook(output.Received());
        Assert.Equal(["برگه اول", "برگهٔ دوم's"], book.Worksheets.Select(s => s.Name));
        Assert.Equal("A1:E2", book.Worksheet(2).Tables.Single().RangeAddress.ToStringRelative());
        Assert.Equal(1, book.Worksheet(2).PageSetup.FirstRowToRepeatAtTop);
        Assert.True(book.Worksheet(2).RightToLeft);
    }

    [Fact]
    public async Task Rows_reach_the_output_while_later_rows_are_still_being_read()
    {
        using var output = new ResponseLikeStream();
        long receivedWhenHalfRead = -1;
        const int rows = 20_000;

        async IAsyncEnumerable<Item> Generate()
        {
            for (var i = 0; i < rows; i++)
            {
                if (i == rows / 2) receivedWhenHalfRead = output.BytesReceived;
                await Task.CompletedTask;
                yield return new Item($"خدمت شماره {i} با متنی برای پر کردن فایل {Guid.NewGuid()}", i, null, i, null);
            }
        }

        await XlsxStreamWriter.WriteAsync(output, new XlsxProperties("بزرگ", null, DateTimeOffset.UnixEpoch),
            new XlsxSheet<Item>("خدمات", "Services", Columns, Generate()));

        Assert.True(receivedWhenHalfRead > 100_000, $"only {receivedWhenHalfRead} bytes had been sent when half the rows were read");
        Assert.True(output.Flushes > 5);
        using var book = new XLWorkbook(output.Received());
        Assert.Equal(rows + 1, book.Worksheet(1).LastRowUsed().RowNumber());
    }

    [Fact]
    public async Task The_package_holds_only_the_parts_it_lists()
    {
        using var output = new ResponseLikeStream();
        await XlsxStreamWriter.WriteAsync(output, new XlsxProperties("t", null, DateTimeOffset.UnixEpoch),
            new XlsxSheet<Item>("s", "Sheet_t", Columns, Stream(Items)));
        using var zip = new ZipArchive(output.Received(), ZipArchiveMode.Read);
        Assert.Equal(
            ["[Content_Types].xml", "_rels/.rels", "docProps/app.xml", "docProps/core.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml",
             "xl/tables/table1.xml", "xl/workbook.xml", "xl/worksheets/_rels/sheet1.xml.rels", "xl/worksheets/sheet1.xml"],
            zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_workbook_is_valid_against_the_office_open_xml_schemas()
    {
        using var output = new ResponseLikeStream();
        await XlsxStreamWriter.WriteAsync(output, new XlsxProperties("فهرست", "a@b.ir", DateTimeOffset.UnixEpoch),
            new XlsxSheet<Item>("خدمات", "Services", Columns, Stream(Items)));
        using var document = SpreadsheetDocument.Open(output.Received(), isEditable: false);
        var errors = new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2016).Validate(document)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("")]
    [InlineData("نامی بسیار بلند که از سی و یک نویسه بیشتر است")]
    public void Sheet_names_excel_refuses_are_refused_up_front(string name) =>
        Assert.Throws<ArgumentException>(() => new XlsxSheet<Item>(name, "Services", Columns, Stream(Items)));

    [Theory]
    [InlineData("A1")]
    [InlineData("R1C1")]
    [InlineData("1abc")]
    [InlineData("has space")]
    public void Table_names_that_excel_refuses_are_refused_up_front(string tableName) =>
        Assert.Throws<ArgumentException>(() => new XlsxSheet<Item>("s", tableName, Columns, Stream(Items)));

    [Fact]
    public void Two_columns_with_one_header_are_refused() =>
        Assert.Throws<ArgumentException>(() => new XlsxSheet<Item>("s", "Services", [Columns[0], Columns[0]], Stream(Items)));

    [Fact]
    public void Column_names_run_past_z() =>
        Assert.Equal(["A", "Z", "AA", "AZ", "BA", "ZZ", "AAA"], new[] { 0, 25, 26, 51, 52, 701, 702 }.Select(SheetSink.ColumnName));
}
