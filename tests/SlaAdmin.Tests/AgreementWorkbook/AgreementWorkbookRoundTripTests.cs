using ClosedXML.Excel;
using SlaAdmin.Data.Entities;
using SlaAdmin.Excel;
using SlaAdmin.Features.Agreements.Workbook;

namespace SlaAdmin.Tests.AgreementWorkbook;

public sealed class AgreementWorkbookRoundTripTests
{
    [Fact]
    public void Exported_workbook_parses_back_to_the_same_model()
    {
        var model = SampleAgreement.Model();

        var parsed = AgreementWorkbookImporter.Parse(new MemoryStream(AgreementWorkbookExporter.Export(model, "a")));

        Assert.True(parsed.IsValid, string.Join("\n", parsed.Problems));
        AssertSameContent(model, parsed.Model!);
        Assert.Equal(model.AgreementId, parsed.Model!.AgreementId);
        Assert.Equal(model.VersionNumber, parsed.Model.VersionNumber);
        Assert.Equal(model.ConcurrencyStamp, parsed.Model.ConcurrencyStamp);
    }

    [Fact]
    public void Export_parse_export_gives_the_same_cells_on_every_sheet()
    {
        var first = AgreementWorkbookExporter.Export(SampleAgreement.Model(), "a");
        var parsed = AgreementWorkbookImporter.Parse(new MemoryStream(first));
        var second = AgreementWorkbookExporter.Export(parsed.Model! with { Status = SampleAgreement.Model().Status }, "a");

        Assert.Equal(Cells(first), Cells(second));
    }

    [Fact]
    public void The_invalid_iban_of_seed_002_is_a_warning_and_comes_back_unchanged()
    {
        var parsed = AgreementWorkbookImporter.Parse(new MemoryStream(SampleAgreement.Workbook()));

        Assert.True(parsed.IsValid);
        Assert.Equal(SampleAgreement.InvalidIban, Assert.Single(parsed.Model!.Content.Payments).Iban);
        var warning = Assert.Single(parsed.Problems);
        Assert.Equal(ProblemSeverity.Warning, warning.Severity);
        Assert.Equal(("پرداخت", 2, 4), (warning.Sheet, warning.Row, warning.Column));
        Assert.Contains("شماره شبا معتبر نیست", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Formula_looking_text_parses_back_unchanged()
    {
        var parsed = AgreementWorkbookImporter.Parse(new MemoryStream(SampleAgreement.Workbook()));

        Assert.Equal([SampleAgreement.Hyperlink, "+1", "-2", "@x"], parsed.Model!.Content.Obligations.Skip(1).Select(o => o.Text));
    }

    [Fact]
    public void Text_typed_with_arabic_letters_and_persian_digits_is_read_as_stored()
    {
        var bytes = Edit(SampleAgreement.Workbook(), wb =>
        {
            var sheet = wb.Worksheet("تعاریف");
            sheet.Cell(2, 1).SetValue("۱");
            sheet.Cell(2, 3).SetValue("سازمان فناوري اطلاعات ايران");
            wb.Worksheet("داده‌ها").Cell(2, 5).SetValue("كامل");
        });

        var parsed = AgreementWorkbookImporter.Parse(new MemoryStream(bytes));

        Assert.True(parsed.IsValid, string.Join("\n", parsed.Problems));
        var expected = SampleAgreement.Model().Content.Definitions[0];
        Assert.Equal(expected with { Text = "سازمان فناوری اطلاعات ایران" }, parsed.Model!.Content.Definitions[0]);
    }

    [Fact]
    public void Rows_added_below_the_table_and_blank_rows_between_are_read()
    {
        var bytes = Edit(SampleAgreement.Workbook(), wb =>
        {
            var sheet = wb.Worksheet("پیوست");
            sheet.Cell(5, 1).SetValue(2);
            sheet.Cell(5, 2).SetValue("فهرست دوم");
            wb.Worksheet("تعهدات").Cell(2, 5).SetValue("انجام شده");
        });

        var parsed = AgreementWorkbookImporter.Parse(new MemoryStream(bytes));

        Assert.True(parsed.IsValid, string.Join("\n", parsed.Problems));
        var appendix = parsed.Model!.Content.AppendixItems;
        Assert.Equal(SampleAgreement.Model().Content.AppendixItems[0], appendix[0]);
        Assert.Equal((2, "فهرست دوم"), (appendix[1].Order, appendix[1].Text));
        Assert.NotEqual(appendix[0].Clause, appendix[1].Clause);
    }

    [Fact]
    public void A_filled_in_template_parses_as_a_new_agreement()
    {
        var bytes = Edit(AgreementWorkbookExporter.Template("a"), wb =>
        {
            var summary = wb.Worksheet("خلاصه");
            Value(summary, "عنوان خدمت").SetValue("خدمت تازه");
            Value(summary, "دستگاه ارائه‌دهنده").SetValue("سازمان فناوری اطلاعات ایران");
            Value(summary, "پایان اعتبار (شمسی)").SetValue("1404/12/29");
            Value(summary, "بخش: مقدمه").SetValue("دارد");
            wb.Worksheet("بخش‌ها").Cell(2, 1).SetValue("مقدمه");
            wb.Worksheet("بخش‌ها").Cell(2, 3).SetValue("متن مقدمه");
        });

        var parsed = AgreementWorkbookImporter.Parse(new MemoryStream(bytes));

        Assert.True(parsed.IsValid, string.Join("\n", parsed.Problems));
        Assert.Null(parsed.Model!.AgreementId);
        Assert.Equal("خدمت تازه", parsed.Model.Content.ServiceTitle);
        Assert.Equal(new DateOnly(2026, 3, 20), parsed.Model.Content.ValidUntil);
        var section = Assert.Single(parsed.Model.Content.Sections);
        Assert.Equal((SectionKind.Introduction, "متن مقدمه"), (section.Kind, section.Body));
        Assert.NotEqual(Guid.Empty, section.Clause);
        Assert.Null(parsed.Model.Content.IsFree);
        Assert.Equal(new ServiceCard(), parsed.Model.Card);
    }

    internal static void AssertSameContent(AgreementWorkbookModel expected, AgreementWorkbookModel actual)
    {
        Assert.Equal(expected.RecipientNames, actual.RecipientNames);
        Assert.Equal(expected.Card, actual.Card);
        // Lists first, so a difference names the row rather than "contents differ".
        Assert.Equal(expected.Content.Sections, actual.Content.Sections);
        Assert.Equal(expected.Content.Obligations, actual.Content.Obligations);
        Assert.Equal(expected.Content.DataRows, actual.Content.DataRows);
        Assert.Equal(expected.Content.Fees, actual.Content.Fees);
        Assert.Equal(expected.Content.Payments, actual.Content.Payments);
        Assert.Equal(expected.Content.LegalReferences, actual.Content.LegalReferences);
        Assert.Equal(expected.Content.Definitions, actual.Content.Definitions);
        Assert.Equal(expected.Content.AppendixItems, actual.Content.AppendixItems);
        Assert.Equal(expected.Content, actual.Content);
    }

    /// <summary>Every non-empty cell of every sheet as "sheet!A1=type:value".</summary>
    internal static List<string> Cells(byte[] workbook)
    {
        using var wb = new XLWorkbook(new MemoryStream(workbook));
        return [.. wb.Worksheets.SelectMany(s => s.CellsUsed(XLCellsUsedOptions.Contents)
            .Select(c => $"{s.Name}!{c.Address}={c.DataType}:{c.GetString()}"))];
    }

    /// <summary>Adds provider obligations «{text} {row}» to the obligations sheet until it holds <paramref name="rows"/>.</summary>
    internal static void FillObligations(XLWorkbook wb, int rows, string text)
    {
        var sheet = wb.Worksheet("تعهدات");
        for (var row = sheet.LastRowUsed()!.RowNumber() + 1; row <= rows + 1; row++)
        {
            sheet.Cell(row, 1).SetValue("سازمان");
            sheet.Cell(row, 2).SetValue(row);
            sheet.Cell(row, 3).SetValue($"{text} {row}");
        }
    }

    internal static byte[] Edit(byte[] workbook, Action<XLWorkbook> edit)
    {
        using var wb = new XLWorkbook(new MemoryStream(workbook));
        edit(wb);
        using var output = new MemoryStream();
        wb.SaveAs(output);
        return output.ToArray();
    }

    internal static IXLCell Value(IXLWorksheet summary, string label) =>
        summary.Column(1).CellsUsed().Single(c => c.GetString() == label).CellRight();
}
