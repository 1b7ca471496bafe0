using System.Globalization;
using System.IO.Compression;
using System.Xml;
using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using SlaAdmin.Persian;

namespace SlaAdmin.Excel;

/// <summary>How much one sheet holds: rows with a filled cell (the header row included) and filled cells.</summary>
public sealed record SheetSize(string Sheet, int Rows, int Cells);

/// <summary>
/// Opens an uploaded .xlsx safely: the size is capped while reading, and the zip container is checked
/// (entry count, declared and actual uncompressed sizes, the parts every workbook has) before ClosedXML
/// sees it, so a zip bomb or a file of another kind is refused with a Persian message. Then each sheet's
/// rows and cells are counted by streaming its XML, and the caller's limits are checked, because
/// ClosedXML builds the whole workbook in memory (hundreds of bytes per cell) before anyone can look.
/// </summary>
public static class WorkbookPackage
{
    public const long MaxFileBytes = 10 * 1024 * 1024;
    public const long MaxUncompressedBytes = 100 * 1024 * 1024;
    public const int MaxEntries = 1000;

    public static string TooLargeMessage(long bytes) =>
        $"حجم فایل {Megabytes(bytes)} مگابایت است؛ بیشینه حجم پذیرفتنی {Megabytes(MaxFileBytes)} مگابایت است.";

    /// <summary>
    /// Opens a workbook from <paramref name="input"/> (read from its current position, at most
    /// <see cref="MaxFileBytes"/>) when <paramref name="bounds"/> finds nothing wrong with its sheets' sizes;
    /// null with the <paramref name="problems"/> (in Persian) when refused.
    /// </summary>
    public static XLWorkbook? TryOpen(Stream input, Func<IReadOnlyList<SheetSize>, IReadOnlyList<WorkbookProblem>> bounds, out IReadOnlyList<WorkbookProblem> problems)
    {
        problems = [];
        var buffer = ReadLimited(input, out var error);
        if (buffer is not null) error = Inspect(buffer);
        var sizes = error is null ? Measure(buffer!, out error) : null;
        if (error is not null)
        {
            problems = [new WorkbookProblem(ProblemSeverity.Error, null, null, null, null, error)];
            return null;
        }
        problems = bounds(sizes!);
        if (problems.Any(p => p.IsError)) return null;
        try
        {
            return new XLWorkbook(buffer!);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            problems = [new WorkbookProblem(ProblemSeverity.Error, null, null, null, null, CorruptMessage)];
            return null;
        }
    }

    private const string CorruptMessage = "فایل اکسل خراب است یا ساختار آن خوانا نیست. آن را در اکسل باز کنید و دوباره با قالب «Excel Workbook (*.xlsx)» ذخیره کنید.";

    /// <summary>
    /// Each sheet's size, read as a stream of XML (no cell is kept), in workbook order; null with
    /// <paramref name="error"/> when the package is not a readable workbook. Leaves the position at 0.
    /// </summary>
    public static IReadOnlyList<SheetSize>? Measure(Stream file, out string? error)
    {
        error = null;
        file.Position = 0;
        try
        {
            using var document = SpreadsheetDocument.Open(file, isEditable: false);
            var workbook = document.WorkbookPart;
            var sizes = new List<SheetSize>();
            foreach (var sheet in workbook?.Workbook.Sheets?.Elements<Sheet>() ?? [])
            {
                if (sheet.Id?.Value is not { } id || workbook!.GetPartById(id) is not WorksheetPart part) continue;
                using var stream = part.GetStream(FileMode.Open, FileAccess.Read);
                sizes.Add(Count(sheet.Name?.Value ?? "", stream));
            }
            return sizes;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            error = CorruptMessage;
            return null;
        }
        finally
        {
            file.Position = 0;
        }
    }

    /// <summary>A filled cell has a value (<c>v</c>) or an inline string (<c>is</c>); a row counts when it has one.</summary>
    private static SheetSize Count(string name, Stream sheetXml)
    {
        using var xml = XmlReader.Create(sheetXml, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, IgnoreWhitespace = true, IgnoreComments = true });
        int rows = 0, cells = 0, row = 0, counted = -1;
        // By local name: some writers prefix the namespace (x:sheetData).
        while (xml.Read() && !(xml.NodeType == XmlNodeType.Element && xml.LocalName == "sheetData")) { }
        if (xml.EOF) return new(name, 0, 0);
        using var data = xml.ReadSubtree();
        while (data.Read())
        {
            if (data.NodeType != XmlNodeType.Element) continue;
            switch (data.LocalName)
            {
                case "row":
                    row++;
                    break;
                case "v" or "is":
                    cells++;
                    if (counted != row)
                    {
                        rows++;
                        counted = row;
                    }
                    break;
            }
        }
        return new(name, rows, cells);
    }

    /// <summary>Copies at most <see cref="MaxFileBytes"/>; null with a message when the stream holds more.</summary>
    public static MemoryStream? ReadLimited(Stream input, out string? error)
    {
        error = null;
        if (input.CanSeek && input.Length - input.Position > MaxFileBytes)
        {
            error = TooLargeMessage(input.Length - input.Position);
            return null;
        }
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = input.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxFileBytes)
            {
                error = TooLargeMessage(buffer.Length);
                return null;
            }
        }
        buffer.Position = 0;
        return buffer;
    }

    /// <summary>Null when <paramref name="file"/> looks like a sound .xlsx package; otherwise why not, in Persian. Leaves the position at 0.</summary>
    public static string? Inspect(Stream file)
    {
        file.Position = 0;
        Span<byte> magic = stackalloc byte[4];
        var got = file.ReadAtLeast(magic, 4, throwOnEndOfStream: false);
        file.Position = 0;
        if (got == 0) return "فایل خالی است.";
        if (got == 4 && magic.SequenceEqual((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0]))
            return "این فایل در قالب قدیمی اکسل (xls) یا رمزدار است. آن را بدون رمز و با قالب «Excel Workbook (*.xlsx)» ذخیره کنید.";
        if (got < 4 || !magic.SequenceEqual("PK\u0003\u0004"u8))
            return "این فایل، فایل اکسل (xlsx) نیست. فقط فایل‌هایی با قالب «Excel Workbook (*.xlsx)» پذیرفته می‌شوند.";

        try
        {
            using var zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > MaxEntries)
                return $"این فایل {PersianDigits.Of(zip.Entries.Count)} جزء فشرده دارد؛ فایل اکسل بیش از {PersianDigits.Of(MaxEntries)} جزء ندارد. فایل پذیرفته نشد.";
            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.OrdinalIgnoreCase);
            if (!names.Contains("[Content_Types].xml") || !names.Contains("xl/workbook.xml"))
                return "این فایل فشرده است اما فایل اکسل (xlsx) نیست.";
            // Summed without overflow: forged ZIP64 sizes can add up past long.MaxValue.
            long declared = 0;
            foreach (var entry in zip.Entries)
            {
                declared += Math.Min(entry.Length, MaxUncompressedBytes + 1);
                if (declared > MaxUncompressedBytes) return BombMessage;
            }

            // The declared sizes can lie: inflate everything once, counting, and stop at the cap.
            long total = 0;
            var chunk = new byte[81920];
            foreach (var entry in zip.Entries)
            {
                using var content = entry.Open();
                long entryTotal = 0;
                int read;
                while ((read = content.Read(chunk, 0, chunk.Length)) > 0)
                {
                    entryTotal += read;
                    total += read;
                    if (total > MaxUncompressedBytes || entryTotal > entry.Length) return BombMessage;
                }
            }
            return null;
        }
        catch (InvalidDataException)
        {
            return "فایل فشرده خراب است و خوانده نمی‌شود؛ فایل اکسل سالم (xlsx) بارگذاری کنید.";
        }
        finally
        {
            file.Position = 0;
        }
    }

    private static string BombMessage =>
        $"محتوای بازشده این فایل از {Megabytes(MaxUncompressedBytes)} مگابایت بیشتر است؛ چنین فایلی کارپوشه یک توافقنامه نیست و پذیرفته نشد.";

    private static string Megabytes(long bytes) =>
        PersianDigits.ToPersian((bytes / (1024.0 * 1024.0)).ToString("0.#", CultureInfo.InvariantCulture));

    private static string Digits(long number) => PersianDigits.Of(number);
}
