using System.Runtime.CompilerServices;
using ClosedXML.Excel;
using SlaAdmin.Data.Entities;
using SlaAdmin.Excel;
using SlaAdmin.Excel.Streaming;
using SlaAdmin.Features.Agreements;
using SlaAdmin.Features.Agreements.Workbook;
using static SlaAdmin.Tests.AgreementWorkbook.AgreementWorkbookRoundTripTests;

namespace SlaAdmin.Tests.AgreementWorkbook;

/// <summary>
/// An agreement workbook over <see cref="AgreementLimits"/> is refused with the limit named, before
/// ClosedXML loads it; the editor's rules refuse the same contents with the same words.
/// </summary>
public sealed class WorkbookLimitTests
{
    [Fact]
    public void A_sheet_over_the_row_limit_is_refused_naming_the_sheet_its_rows_and_the_limit()
    {
        var bytes = Edit(SampleAgreement.Workbook(), wb => FillObligations(wb, AgreementLimits.RowsPerPart + 1, "تعهد"));

        var parsed = AgreementWorkbookImporter.Parse(new MemoryStream(bytes));

        Assert.Null(parsed.Model);
        var problem = Assert.Single(parsed.Problems);
        Assert.Equal("تعهدات", problem.Sheet);
        Assert.Equal("برگه «تعهدات» ۵۰۱ ردیف دارد؛ هر بخش توافقنامه بیش از ۵۰۰ ردیف نمی‌تواند داشته باشد. ردیف‌های اضافه را بردارید یا توافقنامه را به چند توافقنامه جدا کنید.", problem.Message);
    }

    [Fact]
    public void A_workbook_over_the_cell_limit_is_refused_with_its_count_and_the_limit()
    {
        // 450 rows (under the row limit) filled 50 columns wide: 22,500 cells on one sheet.
        var bytes = Edit(SampleAgreement.Workbook(), wb =>
        {
            var sheet = wb.Worksheet("پیوست");
            for (var row = 2; row <= 451; row++)
                for (var column = 1; column <= 50; column++)
                    sheet.Cell(row, column).SetValue(column);
        });

        var parsed = AgreementWorkbookImporter.Parse(new MemoryStream(bytes));

        Assert.Null(parsed.Model);
        var problem = Assert.Single(parsed.Problems);
        Assert.Null(problem.Sheet);
        Assert.StartsWith("این کارپوشه ۲۲٬", problem.Message, StringComparison.Ordinal);
        Assert.Contains("خانه پر دارد؛ یک توافقنامه روی هم بیش از ۲۰٬۰۰۰ خانه نمی‌تواند داشته باشد.", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_text_over_the_length_limit_is_an_error_at_its_sheet_row_and_column()
    {
        var bytes = Edit(SampleAgreement.Workbook(), wb => wb.Worksheet("تعهدات").Cell(2, 3).SetValue(new string('ب', AgreementLimits.TextLength + 1)));

        var parsed = AgreementWorkbookImporter.Parse(new MemoryStream(bytes));

        Assert.Null(parsed.Model);
        var problem = Assert.Single(parsed.Problems, p => p.IsError);
        Assert.Equal(("تعهدات", 2, 3), (problem.Sheet, problem.Row, problem.Column));
        Assert.Equal("متن ۸٬۰۰۱ نویسه است؛ بیشینه ۸٬۰۰۰ نویسه است. متن را کوتاه کنید یا در چند ردیف بنویسید.", problem.Message);
    }

    [Fact]
    public void A_workbook_at_the_limits_is_read()
    {
        var bytes = Edit(SampleAgreement.Workbook(), wb =>
        {
            FillObligations(wb, AgreementLimits.RowsPerPart, "تعهد");
            wb.Worksheet("تعهدات").Cell(2, 3).SetValue(new string('ب', AgreementLimits.TextLength));
        });

        var parsed = AgreementWorkbookImporter.Parse(new MemoryStream(bytes));

        Assert.True(parsed.IsValid, string.Join("\n", parsed.Problems));
        Assert.Equal(AgreementLimits.RowsPerPart, parsed.Model!.Content.Obligations.Count);
    }

    /// <summary>The hostile files: 1.9 MB of 100,000 rows and 7 MB of 400,000 rows once took 41–48 s and 3 GB.</summary>
    [Theory]
    [InlineData(100_000)]
    [InlineData(400_000)]
    public async Task A_workbook_of_hundreds_of_thousands_of_rows_is_refused_without_loading_it(int rows)
    {
        var bytes = await HostileAsync(rows);
        Assert.True(bytes.Length < WorkbookPackage.MaxFileBytes, "the file must pass the size cap, so the row count is what refuses it");

        var before = GC.GetAllocatedBytesForCurrentThread();
        var parsed = AgreementWorkbookImporter.Parse(new MemoryStream(bytes));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Null(parsed.Model);
        Assert.Equal(2, parsed.Problems.Count);
        Assert.Contains(parsed.Problems, p => p.Sheet is null && p.Message.Contains("خانه پر دارد", StringComparison.Ordinal));
        var problem = Assert.Single(parsed.Problems, p => p.Sheet is not null);
        Assert.Equal("تعهدات", problem.Sheet);
        Assert.StartsWith($"برگه «تعهدات» {SlaAdmin.Persian.PersianDigits.Format(rows)} ردیف دارد؛", problem.Message, StringComparison.Ordinal);
        // ClosedXML would allocate gigabytes for these; reading the file, checking the zip and counting the XML stays within a few times its size.
        Assert.True(allocated < 32L * 1024 * 1024, $"{allocated / (1024 * 1024)} MB allocated for a {bytes.Length / 1024} KB file");
    }

    [Fact]
    public void The_editor_refuses_a_part_over_the_row_limit_with_the_same_words()
    {
        var content = SampleAgreement.Model().Content;
        var many = content with
        {
            Obligations = [.. Enumerable.Range(1, AgreementLimits.RowsPerPart + 1).Select(i => new ObligationLine(Guid.NewGuid(), ObligationSide.Provider, i, $"تعهد {i}", null))],
        };

        var problem = Assert.Single(AgreementRules.Validate(many), p => p.Where == "تعهدات");

        Assert.Equal(AgreementLimits.TooManyRows("بخش «تعهدات»", 501), problem.Message);
        Assert.Empty(AgreementRules.Validate(content));
    }

    [Fact]
    public void The_editor_refuses_an_agreement_over_the_cell_limit_and_a_long_text()
    {
        Assert.Empty(AgreementWorkbookMap.OverLimits(new PartCounts(12, 500, 500, 10, 10, 10, 10, 10)));
        var (part, message) = Assert.Single(AgreementWorkbookMap.OverLimits(new PartCounts(12, 500, 500, 500, 500, 500, 500, 500)));
        Assert.Equal("توافقنامه", part);
        Assert.StartsWith("کارپوشه این توافقنامه ", message, StringComparison.Ordinal);

        var content = SampleAgreement.Model().Content;
        var longText = content with { AppendixItems = [new AppendixLine(Guid.NewGuid(), 1, new string('ب', AgreementLimits.TextLength + 1))] };
        Assert.Contains(AgreementRules.Validate(longText), p => p.Message == AgreementLimits.TooLong(AgreementLimits.TextLength + 1));
    }

    private sealed record Row(int Order);

    /// <summary>A workbook whose obligations sheet has <paramref name="rows"/> rows, written by the streaming writer (ClosedXML could not).</summary>
    private static async Task<byte[]> HostileAsync(int rows)
    {
        XlsxColumn<Row>[] columns =
        [
            new("طرف متعهد", 10, _ => XlsxCell.Text("سازمان")),
            new("ردیف", 6, r => XlsxCell.Integer(r.Order)),
            new("متن تعهد", 40, r => XlsxCell.Text("پاسخ در یک روز")),
        ];
        using var output = new MemoryStream();
        await XlsxStreamWriter.WriteAsync(output, new XlsxProperties("t", null, DateTimeOffset.UnixEpoch),
            new XlsxSheet<Row>("تعهدات", "Obligations", columns, Rows(rows)));
        return output.ToArray();
    }

    private static async IAsyncEnumerable<Row> Rows(int count, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var i = 1; i <= count; i++)
        {
            if (i % 10_000 == 0) await Task.Yield();
            yield return new Row(i);
        }
    }
}
