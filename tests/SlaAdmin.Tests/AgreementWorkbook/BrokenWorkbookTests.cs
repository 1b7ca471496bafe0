using System.IO.Compression;
using System.Text;
using ClosedXML.Excel;
using SlaAdmin.Excel;
using SlaAdmin.Features.Agreements.Workbook;
using SlaAdmin.Persian;
using static SlaAdmin.Tests.AgreementWorkbook.AgreementWorkbookRoundTripTests;

namespace SlaAdmin.Tests.AgreementWorkbook;

/// <summary>
/// A corpus of broken workbooks, each the sample export with one thing wrong. Each must be refused
/// (no model) with a Persian message that names the right sheet, row and column.
/// </summary>
public sealed class BrokenWorkbookTests
{
    private sealed record Case(Action<XLWorkbook> Break, string Sheet, int? Row, int? Column, string MessagePart);

    private static int SummaryRow(string label) => SummarySheetRows.IndexOf(label) + 2;

    private static readonly List<string> SummarySheetRows = [.. SummarySheet.Rows.Select(r => r.Label)];

    private static readonly Dictionary<string, Case> Cases = new()
    {
        ["unknown sheet"] = new(wb => wb.AddWorksheet("یادداشت"), "یادداشت", null, null, "در قالب توافقنامه نیست"),
        ["missing sheet"] = new(wb => wb.Worksheet("تعاریف").Delete(), "تعاریف", null, null, "در فایل نیست"),
        ["renamed header"] = new(wb => wb.Worksheet("تعهدات").Cell(1, 3).SetValue("متن"), "تعهدات", 1, 3, "سرستون باید «متن تعهد» باشد"),
        ["missing required cell"] = new(wb => wb.Worksheet("تعهدات").Cell(3, 3).Clear(), "تعهدات", 3, 3, "نباید خالی باشد"),
        ["unknown vocabulary value"] = new(wb => wb.Worksheet("داده‌ها").Cell(2, 5).SetValue("نیمه"), "داده‌ها", 2, 5, "«نیمه» در فهرست مقدارهای این ستون نیست"),
        ["unknown yes/no"] = new(wb => wb.Worksheet("داده‌ها").Cell(3, 7).SetValue("شاید"), "داده‌ها", 3, 7, "«بلی»"),
        ["bad jalali date"] = new(wb => wb.Worksheet("مبانی قانونی").Cell(2, 6).SetValue("1390/13/40"), "مبانی قانونی", 2, 6, "تاریخ شمسی درستی نیست"),
        ["gregorian typed as jalali"] = new(wb => wb.Worksheet("مبانی قانونی").Cell(3, 6).SetValue("2018/10/22"), "مبانی قانونی", 3, 6, "تاریخ شمسی درستی نیست"),
        ["real date in the jalali column"] = new(wb => wb.Worksheet("مبانی قانونی").Cell(2, 6).SetValue(new DateTime(2011, 9, 30)), "مبانی قانونی", 2, 6, "تاریخ شمسی درستی نیست"),
        ["bad gregorian date"] = new(wb => wb.Worksheet("مبانی قانونی").Cell(2, 7).SetValue("دیروز"), "مبانی قانونی", 2, 7, "تاریخ میلادی لازم است"),
        ["validity jalali and gregorian disagree"] = new(wb => Value(wb.Worksheet("خلاصه"), "پایان اعتبار (شمسی)").SetValue("1403/12/29"), "خلاصه", SummaryRow("پایان اعتبار (میلادی)"), 2, "یکی نیست"),
        ["bad validity date"] = new(wb => Value(wb.Worksheet("خلاصه"), "پایان اعتبار (شمسی)").SetValue("پایان سال"), "خلاصه", SummaryRow("پایان اعتبار (شمسی)"), 2, "تاریخ شمسی درستی نیست"),
        ["duplicate obligation order"] = new(wb => wb.Worksheet("تعهدات").Cell(3, 2).SetValue(1), "تعهدات", 3, 2, "تکراری است؛ ردیف ۲"),
        ["duplicate fee order"] = new(wb => { var s = wb.Worksheet("هزینه‌ها"); s.Cell(3, 1).SetValue(1); s.Cell(3, 2).SetValue("دوم"); s.Cell(3, 3).SetValue("سایر"); }, "هزینه‌ها", 3, 1, "تکراری است"),
        ["number where text is required"] = new(wb => wb.Worksheet("تعاریف").Cell(2, 2).SetValue(123), "تعاریف", 2, 2, "متن لازم است اما عدد «۱۲۳»"),
        ["text where a number is required"] = new(wb => wb.Worksheet("هزینه‌ها").Cell(2, 5).SetValue("صد هزار"), "هزینه‌ها", 2, 5, "«صد هزار» عدد نیست"),
        ["fraction as an order number"] = new(wb => wb.Worksheet("داده‌ها").Cell(2, 1).SetValue(1.5), "داده‌ها", 2, 1, "عدد صحیح"),
        ["negative amount"] = new(wb => wb.Worksheet("هزینه‌ها").Cell(2, 5).SetValue(-5), "هزینه‌ها", 2, 5, "دست‌کم"),
        ["iban with letters among the digits"] = new(wb => wb.Worksheet("پرداخت").Cell(2, 4).SetValue("IR54 0100 00AB 0010 0090 1001 08"), "پرداخت", 2, 4, "شماره شبا نیست"),
        ["iban that is a name"] = new(wb => wb.Worksheet("پرداخت").Cell(2, 4).SetValue("وزارت امور اقتصادی"), "پرداخت", 2, 4, "شماره شبا نیست"),
        ["formula in a cell"] = new(wb => wb.Worksheet("پیوست").Cell(2, 2).FormulaA1 = "1+1", "پیوست", 2, 2, "فرمول"),
        ["missing service title"] = new(wb => Value(wb.Worksheet("خلاصه"), "عنوان خدمت").Clear(), "خلاصه", SummaryRow("عنوان خدمت"), 2, "نباید خالی باشد"),
        ["tampered concurrency stamp"] = new(wb => Value(wb.Worksheet("خلاصه"), "مهر نسخه").SetValue("abc"), "خلاصه", SummaryRow("مهر نسخه"), 2, "دست خورده"),
        ["unknown summary label"] = new(wb => wb.Worksheet("خلاصه").Cell(SummaryRow("سربرگ"), 1).SetValue("سرصفحه"), "خلاصه", SummaryRow("سربرگ"), 1, "از عنوان‌های برگه خلاصه نیست؛ عنوان‌ها این‌هاست: «شناسه توافقنامه»"),
        ["thirtieth of esfand in a common year"] = new(wb => Value(wb.Worksheet("خلاصه"), "پایان اعتبار (شمسی)").SetValue("1404/12/30"), "خلاصه", SummaryRow("پایان اعتبار (شمسی)"), 2, "سال ۱۴۰۴ سی‌ام اسفند ندارد؛ اسفند این سال ۲۹ روز است"),
        ["thirty-first of mehr"] = new(wb => wb.Worksheet("مبانی قانونی").Cell(2, 6).SetValue("۱۳۹۰/۰۷/۳۱"), "مبانی قانونی", 2, 6, "مهر ۳۰ روز است"),
        ["national id too short"] = new(wb => Value(wb.Worksheet("خلاصه"), "شناسه ملی خدمت").SetValue("۱۲۳۴۵"), "خلاصه", SummaryRow("شناسه ملی خدمت"), 2, "۱۱ رقم است، اما «۱۲۳۴۵» ۵ رقم دارد"),
        ["national id with letters"] = new(wb => Value(wb.Worksheet("خلاصه"), "شناسه ملی خدمت").SetValue("1061123456A"), "خلاصه", SummaryRow("شناسه ملی خدمت"), 2, "شناسه ملی خدمت نیست"),
        ["unknown service nature"] = new(wb => Value(wb.Worksheet("خلاصه"), "ماهیت خدمت").SetValue("خصوصی"), "خلاصه", SummaryRow("ماهیت خدمت"), 2, "«حاکمیتی»، «تصدی‌گری»"),
        ["clause id typed over"] = new(wb => wb.Worksheet("تعاریف").Cell(2, 4).SetValue("بند ۱"), "تعاریف", 2, 4, "شناسه بند نیست"),
        ["clause id copied to another row"] = new(wb => wb.Worksheet("تعهدات").Cell(4, 6).SetValue(wb.Worksheet("تعهدات").Cell(2, 6).GetString()), "تعهدات", 4, 6, "همان شناسه ردیف ۲ است"),
        ["clause id copied on the sections sheet"] = new(wb => wb.Worksheet("بخش‌ها").Cell(3, 4).SetValue(wb.Worksheet("بخش‌ها").Cell(2, 4).GetString()), "بخش‌ها", 3, 4, "همان شناسه ردیف ۲ است"),
        ["section listed twice"] = new(wb => wb.Worksheet("بخش‌ها").Cell(3, 1).SetValue("مقدمه"), "بخش‌ها", 3, 1, "پیش‌تر در ردیف ۲"),
        ["section presence contradicts the sections sheet"] = new(wb => Value(wb.Worksheet("خلاصه"), "بخش: فرآیند حل اختلاف").SetValue("دارد"), "خلاصه", SummaryRow("بخش: فرآیند حل اختلاف"), 2, "برای افزودن بخش"),
        ["text beyond the last column"] = new(wb => wb.Worksheet("تعهدات").Cell(2, 7).SetValue("یادداشت"), "تعهدات", 2, 7, "بیرون از ستون‌های برگه"),
        ["title longer than the database allows"] = new(wb => Value(wb.Worksheet("خلاصه"), "عنوان سند").SetValue(new string('ب', 401)), "خلاصه", SummaryRow("عنوان سند"), 2, "بیشینه ۴۰۰"),
    };

    public static TheoryData<string> CaseNames() => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Broken_workbook_is_refused_naming_sheet_row_and_column(string name)
    {
        var broken = Cases[name];
        var bytes = Edit(SampleAgreement.Workbook(), broken.Break);

        var parsed = AgreementWorkbookImporter.Parse(new MemoryStream(bytes));

        Assert.False(parsed.IsValid);
        Assert.Null(parsed.Model);
        var problem = Assert.Single(parsed.Problems, p => p.IsError && p.Sheet == broken.Sheet && p.Row == broken.Row && p.Column == broken.Column);
        Assert.Contains(broken.MessagePart, problem.Message, StringComparison.Ordinal);
        var shown = problem.ToString();
        Assert.Contains($"برگه «{broken.Sheet}»", shown, StringComparison.Ordinal);
        if (broken.Row is { } row) Assert.Contains($"ردیف {PersianDigits.ToPersian(row.ToString(System.Globalization.CultureInfo.InvariantCulture))}", shown, StringComparison.Ordinal);
        if (broken.Column is { } column) Assert.Contains($"ستون {XLHelper.GetColumnLetterFromNumber(column)}", shown, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> RowsWithoutTheirSection() => new()
    {
        { "مبانی قانونی", "مسئولیت", "مسئولیت" },
        { "تعاریف", "تعاریف", "تعاریف" },
        { "داده‌ها", "داده‌های مرتبط با خدمت", "داده‌های مرتبط با خدمت" },
        { "هزینه‌ها", "هزینه‌ها و پرداخت‌ها", "هزینه‌ها و پرداخت‌ها" },
        { "پرداخت", "هزینه‌ها و پرداخت‌ها", "هزینه‌ها و پرداخت‌ها" },
        { "تعهدات", "تعهدات متقابل خدمت‌گیرنده و دستگاه اجرایی", "تعهدات متقابل خدمت‌گیرنده و دستگاه اجرایی" },
        { "پیوست", "پیوست", "پیوست" },
    };

    [Theory]
    [MemberData(nameof(RowsWithoutTheirSection))]
    public void Rows_of_a_section_the_agreement_lacks_are_refused_naming_sheet_and_section(string sheet, string sectionWord, string section)
    {
        // The section is taken out of the sections sheet and the summary, as a user removing it would; its rows stay.
        var bytes = Edit(SampleAgreement.Workbook(), wb =>
        {
            var sections = wb.Worksheet("بخش‌ها");
            sections.Rows().Single(r => r.Cell(1).GetString() == sectionWord).Cells(1, 4).Clear();
            Value(wb.Worksheet("خلاصه"), $"بخش: {section}").SetValue("ندارد");
        });

        var parsed = AgreementWorkbookImporter.Parse(new MemoryStream(bytes));

        Assert.Null(parsed.Model);
        var problem = Assert.Single(parsed.Problems, p => p.IsError && p.Sheet == sheet);
        Assert.Contains($"توافقنامه بخش «{section}» را ندارد", problem.Message, StringComparison.Ordinal);
        Assert.Contains($"یا ردیف‌های برگه «{sheet}» را پاک کنید", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_corpus_has_at_least_fifteen_cases() => Assert.True(Cases.Count >= 15);

    [Fact]
    public void Every_problem_of_a_workbook_is_reported_at_once()
    {
        var bytes = Edit(SampleAgreement.Workbook(), wb =>
        {
            wb.Worksheet("تعهدات").Cell(3, 3).Clear();
            wb.Worksheet("هزینه‌ها").Cell(2, 5).SetValue("صد هزار");
            wb.Worksheet("تعاریف").Cell(2, 2).SetValue(123);
        });

        var parsed = AgreementWorkbookImporter.Parse(new MemoryStream(bytes));

        Assert.Equal(["تعاریف", "تعهدات", "هزینه‌ها"], parsed.Problems.Where(p => p.IsError).Select(p => p.Sheet!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_file_that_is_not_a_zip_is_refused()
    {
        var parsed = AgreementWorkbookImporter.Parse(new MemoryStream(Encoding.UTF8.GetBytes("name,iban\nx,IR00")));
        AssertRefused(parsed, "فایل اکسل (xlsx) نیست");
    }

    [Fact]
    public void An_old_xls_file_is_refused_with_a_hint()
    {
        var parsed = AgreementWorkbookImporter.Parse(new MemoryStream([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0]));
        AssertRefused(parsed, "قالب قدیمی اکسل (xls)");
    }

    [Fact]
    public void An_empty_file_is_refused()
    {
        AssertRefused(AgreementWorkbookImporter.Parse(new MemoryStream()), "فایل خالی است");
    }

    [Fact]
    public void A_zip_that_is_not_a_workbook_is_refused()
    {
        var zip = Zip(archive => Write(archive, "readme.txt", "سلام"u8.ToArray()));
        AssertRefused(AgreementWorkbookImporter.Parse(new MemoryStream(zip)), "فشرده است اما فایل اکسل (xlsx) نیست");
    }

    [Fact]
    public void A_file_over_ten_megabytes_is_refused_before_it_is_read()
    {
        var stream = new CountingStream(WorkbookPackage.MaxFileBytes + 1);

        var parsed = AgreementWorkbookImporter.Parse(stream);

        AssertRefused(parsed, "بیشینه حجم پذیرفتنی ۱۰ مگابایت");
        Assert.Equal(0, stream.BytesRead);
    }

    [Fact]
    public void A_zip_bomb_is_refused_before_closedxml_sees_it()
    {
        var zip = Zip(archive =>
        {
            Write(archive, "[Content_Types].xml", "<Types/>"u8.ToArray());
            Write(archive, "xl/workbook.xml", "<workbook/>"u8.ToArray());
            var entry = archive.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize);
            using var content = entry.Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 101; i++) content.Write(zeros);
        });
        Assert.True(zip.Length < WorkbookPackage.MaxFileBytes);

        AssertRefused(AgreementWorkbookImporter.Parse(new MemoryStream(zip)), "از ۱۰۰ مگابایت بیشتر است");
    }

    [Fact]
    public void A_zip_with_too_many_entries_is_refused()
    {
        var zip = Zip(archive =>
        {
            Write(archive, "[Content_Types].xml", "<Types/>"u8.ToArray());
            Write(archive, "xl/workbook.xml", "<workbook/>"u8.ToArray());
            for (var i = 0; i < WorkbookPackage.MaxEntries; i++) Write(archive, $"xl/media/{i}.bin", [1]);
        });
        AssertRefused(AgreementWorkbookImporter.Parse(new MemoryStream(zip)), "جزء فشرده دارد");
    }

    [Fact]
    public void A_damaged_workbook_is_refused_with_a_persian_message()
    {
        var zip = Zip(archive =>
        {
            Write(archive, "[Content_Types].xml", "not xml"u8.ToArray());
            Write(archive, "xl/workbook.xml", "<workbook"u8.ToArray());
        });
        AssertRefused(AgreementWorkbookImporter.Parse(new MemoryStream(zip)), "فایل اکسل خراب است");
    }

    private static void AssertRefused(WorkbookParseResult parsed, string messagePart)
    {
        Assert.Null(parsed.Model);
        var problem = Assert.Single(parsed.Problems);
        Assert.True(problem.IsError);
        Assert.Null(problem.Sheet);
        Assert.Contains(messagePart, problem.Message, StringComparison.Ordinal);
    }

    private static byte[] Zip(Action<ZipArchive> fill)
    {
        using var output = new MemoryStream();
        using (var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true)) fill(archive);
        return output.ToArray();
    }

    private static void Write(ZipArchive archive, string name, byte[] content)
    {
        using var stream = archive.CreateEntry(name).Open();
        stream.Write(content);
    }

    /// <summary>A seekable stream of the given length that counts what is read from it.</summary>
    private sealed class CountingStream(long length) : Stream
    {
        public long BytesRead { get; private set; }
        public override bool CanRead => true;
        public override bool CanSeek => true;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get; set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - Position);
            Position += n;
            BytesRead += n;
            return n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => Position = origin switch { SeekOrigin.Begin => offset, SeekOrigin.Current => Position + offset, _ => length + offset };
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
