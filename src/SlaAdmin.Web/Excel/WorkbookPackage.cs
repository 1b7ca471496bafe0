using System.Globalization;
using System.IO.Compression;
using ClosedXML.Excel;
using SlaAdmin.Persian;

namespace SlaAdmin.Excel;

/// <summary>
/// Opens an uploaded .xlsx safely: the size is capped while reading, and the zip container is checked
/// (entry count, declared and actual uncompressed sizes, the parts every workbook has) before ClosedXML
/// sees it, so a zip bomb or a file of another kind is refused with a Persian message.
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
    /// <see cref="MaxFileBytes"/>); null with <paramref name="error"/> in Persian when refused.
    /// </summary>
    public static XLWorkbook? TryOpen(Stream input, out string? error)
    {
        var buffer = ReadLimited(input, out error);
        if (buffer is null) return null;
        error = Inspect(buffer);
        if (error is not null) return null;
        try
        {
            return new XLWorkbook(buffer);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            error = "فایل اکسل خراب است یا ساختار آن خوانا نیست. آن را در اکسل باز کنید و دوباره با قالب «Excel Workbook (*.xlsx)» ذخیره کنید.";
            return null;
        }
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
