using SlaAdmin.Excel;

namespace SlaAdmin.Tests.AgreementWorkbook;

public sealed class WorkbookDownloadTests
{
    [Fact]
    public void Content_disposition_carries_an_ascii_fallback_and_the_percent_encoded_persian_name()
    {
        var header = WorkbookDownload.ContentDisposition("توافقنامه صدور - نسخه ۲.xlsx", "agreement-12.xlsx");

        Assert.Equal(
            "attachment; filename=\"agreement-12.xlsx\"; filename*=UTF-8''" + Uri.EscapeDataString("توافقنامه صدور - نسخه ۲.xlsx"),
            header);
        Assert.All(header, c => Assert.InRange(c, ' ', '~'));
    }

    [Fact]
    public void Zero_width_non_joiner_becomes_a_space_in_file_names()
    {
        Assert.Equal("نرم افزار.xlsx", WorkbookDownload.SafeFileName("نرم\u200Cافزار.xlsx"));
    }

    [Fact]
    public void File_names_lose_characters_no_file_system_accepts()
    {
        Assert.Equal("گواهی- اصالت-سلامت.xlsx", WorkbookDownload.SafeFileName("گواهی/ اصالت\\سلامت.xlsx"));
    }
}
