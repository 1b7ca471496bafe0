using ClosedXML.Excel;
using SlaAdmin.Excel;
using SlaAdmin.Features.AgreementWorkbook;

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
        Assert.Equal(SampleAgreement.InvalidIban, Assert.Single(parsed.Model!.Payments).Iban);
        var warning = Assert.Single(parsed.Problems);
        Assert.Equal(ProblemSeverity.Warning, warning.Severity);
        Assert.Equal(("پرداخت", 2, 4), (warning.Sheet, warning.Row, warning.Column));
        Assert.Contains("شماره شبا معتبر نیست", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Formula_looking_text_parses_back_unchanged()
    {
        var parsed = AgreementWorkbookImporter.Parse(new MemoryStream(SampleAgreement.Workbook()));

        Assert.Equal([SampleAgreement.Hyperlink, "+1", "-2", "@x"], parsed.Model!.Obligations.Skip(1).Select(o => o.Text));
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
        Assert.Equal(new DefinitionLine(1, "ارائه‌دهنده", "سازمان فناوری اطلاعات ایران"), parsed.Model!.Definitions[0]);
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
        Assert.Equal([new AppendixLine(1, "فهرست خدمات"), new AppendixLine(2, "فهرست دوم")], parsed.Model!.AppendixItems);
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
        Assert.Equal("خدمت تازه", parsed.Model.ServiceTitle);
        Assert.Equal(new DateOnly(2026, 3, 20), parsed.Model.ValidUntil);
        Assert.Equal([new SectionLine(SlaAdmin.Data.Entities.SectionKind.Introduction, "متن مقدمه")], parsed.Model.Sections);
    }

    internal static void AssertSameContent(AgreementWorkbookModel expected, AgreementWorkbookModel actual)
    {
        Assert.Equal(expected.ServiceTitle, actual.ServiceTitle);
        Assert.Equal(expected.ProviderName, actual.ProviderName);
        Assert.Equal(expected.RecipientsDescription, actual.RecipientsDescription);
        Assert.Equal(expected.RecipientNames, actual.RecipientNames);
        Assert.Equal(expected.ValidUntil, actual.ValidUntil);
        Assert.Equal(expected.ValidityText, actual.ValidityText);
        Assert.Equal(expected.Signatory, actual.Signatory);
        Assert.Equal(expected.StatesClauseCount, actual.StatesClauseCount);
        Assert.Equal(expected.DocumentTitle, actual.DocumentTitle);
        Assert.Equal(expected.Letterhead, actual.Letterhead);
        Assert.Equal(expected.IsFree, actual.IsFree);
        Assert.Equal(expected.CostNote, actual.CostNote);
        Assert.Equal(expected.ProviderObligationsIntro, actual.ProviderObligationsIntro);
        Assert.Equal(expected.RecipientObligationsIntro, actual.RecipientObligationsIntro);
        Assert.Equal(expected.Sections, actual.Sections);
        Assert.Equal(expected.Obligations, actual.Obligations);
        Assert.Equal(expected.DataRows, actual.DataRows);
        Assert.Equal(expected.Fees, actual.Fees);
        Assert.Equal(expected.Payments, actual.Payments);
        Assert.Equal(expected.LegalReferences, actual.LegalReferences);
        Assert.Equal(expected.Definitions, actual.Definitions);
        Assert.Equal(expected.AppendixItems, actual.AppendixItems);
    }

    /// <summary>Every non-empty cell of every sheet as "sheet!A1=type:value".</summary>
    internal static List<string> Cells(byte[] workbook)
    {
        using var wb = new XLWorkbook(new MemoryStream(workbook));
        return [.. wb.Worksheets.SelectMany(s => s.CellsUsed(XLCellsUsedOptions.Contents)
            .Select(c => $"{s.Name}!{c.Address}={c.DataType}:{c.GetString()}"))];
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
