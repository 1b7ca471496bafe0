using ClosedXML.Excel;
using SlaAdmin.Features.Agreements.Workbook;
using SlaAdmin.Persian;

namespace SlaAdmin.Tests.AgreementWorkbook;

public sealed class AgreementWorkbookExportTests : IDisposable
{
    private readonly XLWorkbook _workbook = new(new MemoryStream(SampleAgreement.Workbook()));

    private static readonly string[] SheetNames = ["خلاصه", "بخش‌ها", "تعهدات", "داده‌ها", "هزینه‌ها", "پرداخت", "مبانی قانونی", "تعاریف", "پیوست"];

    [Fact]
    public void Workbook_has_the_nine_persian_sheets_in_order_all_right_to_left()
    {
        Assert.Equal(SheetNames, _workbook.Worksheets.Select(w => w.Name));
        Assert.All(_workbook.Worksheets, sheet => Assert.True(sheet.RightToLeft, sheet.Name));
    }

    [Fact]
    public void Every_sheet_has_bold_filled_headers_in_one_filtered_table_with_the_header_frozen()
    {
        foreach (var sheet in _workbook.Worksheets)
        {
            var table = Assert.Single(sheet.Tables);
            Assert.True(table.ShowAutoFilter, sheet.Name);
            Assert.Equal(1, table.RangeAddress.FirstAddress.RowNumber);
            Assert.Equal(1, sheet.SheetView.SplitRow);
            foreach (var header in sheet.Row(1).CellsUsed())
            {
                Assert.True(header.Style.Font.Bold, $"{sheet.Name}!{header.Address}");
                Assert.NotEqual(XLColor.NoColor, header.Style.Fill.BackgroundColor);
            }
        }
        Assert.Equal(["طرف متعهد", "ردیف", "متن تعهد", "هدف سنجش‌پذیر", "وضعیت", "شناسه بند"], Headers("تعهدات"));
        Assert.Equal(["ردیف", "نوع داده", "واحد ارائه‌کننده", "واحد دریافت‌کننده", "سطح ذخیره‌سازی", "استفاده برای تحلیل و داده‌کاوی", "قابلیت نمایش برای عموم", "سطح انتشار", "شناسه بند"], Headers("داده‌ها"));
        Assert.Equal(["ردیف", "شرح واریز", "صاحب حساب", "شماره شبا", "روش پرداخت", "شناسه بند"], Headers("پرداخت"));
    }

    [Fact]
    public void Every_sheet_prints_landscape_one_page_wide_with_the_header_on_every_page()
    {
        foreach (var sheet in _workbook.Worksheets)
        {
            Assert.Equal(XLPageOrientation.Landscape, sheet.PageSetup.PageOrientation);
            Assert.Equal(1, sheet.PageSetup.PagesWide);
            Assert.Equal(0, sheet.PageSetup.PagesTall);
            Assert.Equal(1, sheet.PageSetup.FirstRowToRepeatAtTop);
            Assert.Equal(1, sheet.PageSetup.LastRowToRepeatAtTop);
        }
    }

    [Fact]
    public void Column_widths_follow_the_text_and_are_capped()
    {
        var obligations = _workbook.Worksheet("تعهدات");
        Assert.True(obligations.Column(3).Width > obligations.Column(2).Width);
        Assert.All(_workbook.Worksheets.SelectMany(s => s.ColumnsUsed()), c => Assert.InRange(c.Width, 8, 80));
        var intro = _workbook.Worksheet("بخش‌ها").Cell(2, 3);
        Assert.True(intro.Style.Alignment.WrapText);
    }

    [Fact]
    public void Status_column_offers_the_three_checklist_states_as_a_dropdown()
    {
        var sheet = _workbook.Worksheet("تعهدات");
        var status = sheet.Cell(2, 5);
        Assert.True(status.HasDataValidation);
        Assert.Equal(XLAllowedValues.List, status.DataValidation.AllowedValues);
        Assert.Equal("\"انجام شده,انجام نشده,موضوعیت ندارد\"", status.DataValidation.Value);
        Assert.True(status.DataValidation.InCellDropdown);
    }

    [Fact]
    public void Status_column_is_left_empty_as_no_ticked_state_is_stored()
    {
        var sheet = _workbook.Worksheet("تعهدات");
        Assert.All(Enumerable.Range(2, 5), row => Assert.True(sheet.Cell(row, 5).IsEmpty(), $"row {row}"));
    }

    [Fact]
    public void Every_part_sheet_ends_with_a_narrow_clause_id_column_noted_to_be_left_alone()
    {
        var model = SampleAgreement.Model();
        foreach (var sheet in _workbook.Worksheets.Where(s => s.Name != "خلاصه"))
        {
            var last = sheet.Row(1).LastCellUsed();
            Assert.Equal("شناسه بند", last.GetString());
            Assert.True(last.HasComment, sheet.Name);
            Assert.Contains("دست نزنید", last.Comment.Text, StringComparison.Ordinal);
            Assert.True(sheet.Column(last.Address.ColumnNumber).Width <= 12, sheet.Name);
        }
        var obligations = _workbook.Worksheet("تعهدات");
        Assert.Equal(model.Content.Obligations.Select(o => o.Clause.ToString("D")), Enumerable.Range(2, 5).Select(r => obligations.Cell(r, 6).GetString()));
        Assert.Equal(model.Content.Sections[0].Clause.ToString("D"), _workbook.Worksheet("بخش‌ها").Cell(2, 4).GetString());
    }

    [Fact]
    public void Summary_carries_the_known_service_card_facts_and_leaves_the_unknown_empty()
    {
        var summary = _workbook.Worksheet("خلاصه");
        Assert.Equal(XLDataType.Text, Value(summary, "شناسه ملی خدمت").DataType);
        Assert.Equal(SampleAgreement.NationalId, Value(summary, "شناسه ملی خدمت").GetString());
        Assert.Equal("حاکمیتی", Value(summary, "ماهیت خدمت").GetString());
        Assert.Equal("دولت به شهروند، دولت به کسب‌وکار", Value(summary, "نوع خدمت").GetString());
        Assert.Equal("https://ito.gov.ir", Value(summary, "نشانی وب").GetString());
        Assert.Equal("\"حاکمیتی,تصدی‌گری\"", Value(summary, "ماهیت خدمت").DataValidation.Value);
        foreach (var unknown in new[] { "واحد ارائه‌دهنده", "سطح خدمت", "وضعیت خدمت", "تعریف خدمت", "شیوه‌های تعامل", "مراحل درخواست", "گزارش‌دهی و بازبینی", "نشانی میز خدمت" })
            Assert.True(Value(summary, unknown).IsEmpty(), unknown);
        Assert.Equal("سازمان فناوری اطلاعات ایران", Value(summary, "زیر عنوان").GetString());
        Assert.Equal("مکانیزم واریز به شرح زیر می‌باشد:", Value(summary, "مقدمه پرداخت").GetString());
    }

    [Fact]
    public void An_unknown_cost_state_is_an_empty_free_cell()
    {
        var model = SampleAgreement.Model();
        using var workbook = new XLWorkbook(new MemoryStream(AgreementWorkbookExporter.Export(model with { Content = model.Content with { IsFree = null } }, "a")));
        Assert.True(Value(workbook.Worksheet("خلاصه"), "رایگان").IsEmpty());
    }

    [Fact]
    public void Data_classification_columns_offer_their_vocabularies()
    {
        var sheet = _workbook.Worksheet("داده‌ها");
        Assert.Equal("\"متقاضی,سازمان,دستگاه اجرایی\"", sheet.Cell(2, 3).DataValidation.Value);
        Assert.Equal("\"کامل,جزئی,هیچ\"", sheet.Cell(3, 5).DataValidation.Value);
        Assert.Equal("\"بلی,خیر\"", sheet.Cell(2, 6).DataValidation.Value);
        Assert.Equal("\"سطح سازمان,سطح مردم,عدم انتشار\"", sheet.Cell(2, 8).DataValidation.Value);
        Assert.Equal(["1", "فرم‌ها و مدارک ارائه شده", "متقاضی", "سازمان", "کامل", "خیر", "خیر", "سطح سازمان"], RowValues(sheet, 2).Take(8));
    }

    [Theory]
    [InlineData(SampleAgreement.Hyperlink, 3)]
    [InlineData("+1", 4)]
    [InlineData("-2", 5)]
    [InlineData("@x", 6)]
    public void Formula_looking_obligations_come_out_as_inert_text(string text, int row)
    {
        var cell = _workbook.Worksheet("تعهدات").Cell(row, 3);
        Assert.False(cell.HasFormula);
        Assert.Equal(XLDataType.Text, cell.DataType);
        Assert.Equal(text, cell.GetString());
        Assert.True(cell.Style.IncludeQuotePrefix);
    }

    [Fact]
    public void No_cell_of_the_workbook_holds_a_formula()
    {
        Assert.DoesNotContain(_workbook.Worksheets.SelectMany(s => s.CellsUsed()), c => c.HasFormula);
    }

    [Fact]
    public void Validity_end_is_jalali_text_and_a_real_date()
    {
        var summary = _workbook.Worksheet("خلاصه");
        Assert.Equal("۱۴۰۳/۱۲/۳۰", Value(summary, "پایان اعتبار (شمسی)").GetString());
        var date = Value(summary, "پایان اعتبار (میلادی)");
        Assert.Equal(XLDataType.DateTime, date.DataType);
        Assert.Equal(new DateTime(2025, 3, 20), date.GetDateTime());
        Assert.Equal("yyyy/mm/dd", date.Style.DateFormat.Format);
    }

    [Fact]
    public void Legal_reference_dates_are_jalali_text_and_real_dates()
    {
        var sheet = _workbook.Worksheet("مبانی قانونی");
        Assert.Equal("۱۳۹۷/۰۷/۳۰", sheet.Cell(3, 6).GetString());
        Assert.Equal(XLDataType.DateTime, sheet.Cell(3, 7).DataType);
        Assert.Equal(new DateTime(2018, 10, 22), sheet.Cell(3, 7).GetDateTime());
        Assert.True(sheet.Cell(4, 6).IsEmpty());
        Assert.True(sheet.Cell(4, 7).IsEmpty());
        Assert.Equal(XLDataType.Text, sheet.Cell(3, 5).DataType);
        Assert.Equal("1/142568", sheet.Cell(3, 5).GetString());
    }

    [Fact]
    public void Fee_amount_is_a_number_with_thousands_separators()
    {
        var amount = _workbook.Worksheet("هزینه‌ها").Cell(2, 5);
        Assert.Equal(XLDataType.Number, amount.DataType);
        Assert.Equal(100_000, amount.GetDouble());
        Assert.Equal("#,##0", amount.Style.NumberFormat.Format);
        Assert.Equal(XLDataType.Number, _workbook.Worksheet("تعهدات").Cell(2, 2).DataType);
    }

    [Fact]
    public void Payment_keeps_the_invalid_iban_exactly_as_stored()
    {
        var sheet = _workbook.Worksheet("پرداخت");
        Assert.Equal(XLDataType.Text, sheet.Cell(2, 4).DataType);
        Assert.Equal(SampleAgreement.InvalidIban, sheet.Cell(2, 4).GetString());
        Assert.Equal("وزارت امور اقتصادی و دارایی", sheet.Cell(2, 3).GetString());
        Assert.Equal("آنلاین، دستی", sheet.Cell(2, 5).GetString());
    }

    [Fact]
    public void Summary_names_the_agreement_version_and_stamp_and_computes_the_clause_count()
    {
        var summary = _workbook.Worksheet("خلاصه");
        Assert.Equal(12, Value(summary, "شناسه توافقنامه").GetDouble());
        Assert.Equal(3, Value(summary, "شماره نسخه").GetDouble());
        Assert.Equal("0b7f3c52-6a4e-4f0e-9a51-6d0c2b8e9f11", Value(summary, "مهر نسخه").GetString());
        Assert.Equal(9, Value(summary, "تعداد بندها").GetDouble());
        Assert.Equal("صدور تاییدیه فنی نرم‌افزار", Value(summary, "عنوان خدمت").GetString());
        Assert.Equal("منتشرشده", Value(summary, "وضعیت نسخه").GetString());
        Assert.Equal("بلی", Value(summary, "تعداد بندها در متن آمده است").GetString());
        Assert.Equal("خیر", Value(summary, "رایگان").GetString());
        Assert.Equal("دارد", Value(summary, "بخش: پیوست").GetString());
        Assert.Equal("دارد", Value(summary, "بخش: تعاریف").GetString());
        Assert.Equal("ندارد", Value(summary, "بخش: فرآیند حل اختلاف").GetString());
        Assert.Equal("اشخاص حقیقی؛ شرکت‌ها", Value(summary, "گروه‌های گیرنده").GetString());
    }

    [Fact]
    public void Sections_sheet_numbers_the_clauses_and_leaves_the_appendix_unnumbered()
    {
        var sheet = _workbook.Worksheet("بخش‌ها");
        Assert.Equal("مقدمه", sheet.Cell(2, 1).GetString());
        Assert.Equal(1, sheet.Cell(2, 2).GetDouble());
        Assert.Equal("این توافقنامه میان سازمان و متقاضی است.\nسازمان ارائه‌دهنده و متقاضی گیرنده خدمت است.", sheet.Cell(2, 3).GetString());
        Assert.Equal("پیوست", sheet.Cell(11, 1).GetString());
        Assert.True(sheet.Cell(11, 2).IsEmpty());
    }

    [Fact]
    public void Workbook_properties_name_the_service_and_the_user()
    {
        Assert.Equal("صدور تاییدیه فنی نرم‌افزار", _workbook.Properties.Title);
        Assert.Equal("reviewer@example.ir", _workbook.Properties.Author);
    }

    [Fact]
    public void Template_has_the_same_sheets_and_headers_and_no_rows()
    {
        using var template = new XLWorkbook(new MemoryStream(AgreementWorkbookExporter.Template("admin@example.ir")));
        Assert.Equal(SheetNames, template.Worksheets.Select(w => w.Name));
        foreach (var sheet in template.Worksheets)
        {
            Assert.Equal(Headers(sheet.Name), template.Worksheet(sheet.Name).Row(1).CellsUsed().Select(c => c.GetString()));
            Assert.True(sheet.RightToLeft);
            Assert.Single(sheet.Tables);
            if (sheet.Name == "خلاصه") continue;
            Assert.Equal(1, sheet.LastRowUsed(XLCellsUsedOptions.Contents).RowNumber());
        }
        var summary = template.Worksheet("خلاصه");
        Assert.True(Value(summary, "عنوان خدمت").IsEmpty());
        Assert.True(Value(summary, "شناسه توافقنامه").IsEmpty());
    }

    [Fact]
    public void File_name_is_persian_with_an_ascii_fallback()
    {
        var model = SampleAgreement.Model();
        Assert.Equal("توافقنامه صدور تاییدیه فنی نرم‌افزار - نسخه ۳.xlsx", AgreementWorkbookExporter.FileName(model));
        Assert.Equal("agreement-12.xlsx", AgreementWorkbookExporter.AsciiFileName(model));
    }

    private List<string> Headers(string sheet) => [.. _workbook.Worksheet(sheet).Row(1).CellsUsed().Select(c => c.GetString())];

    private static IEnumerable<string> RowValues(IXLWorksheet sheet, int row) =>
        sheet.Row(row).Cells(1, sheet.LastColumnUsed().ColumnNumber()).Select(c => c.GetString());

    private static IXLCell Value(IXLWorksheet summary, string label) =>
        summary.Column(1).CellsUsed().Single(c => c.GetString() == label).CellRight();

    public void Dispose() => _workbook.Dispose();
}
