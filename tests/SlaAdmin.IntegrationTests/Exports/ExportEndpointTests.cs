using System.Net;
using System.Text.Json;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using SlaAdmin.Data.Entities;
using SlaAdmin.Features.Catalogue;
using SlaAdmin.Features.Exports;
using SlaAdmin.Persian;

namespace SlaAdmin.IntegrationTests.Exports;

public sealed class ExportEndpointTests : IAsyncLifetime
{
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private readonly SlaAppFactory _app = new();

    public async Task InitializeAsync()
    {
        await using var db = _app.CreateDbContext();
        await ExportCatalogue.ArrangeAsync(db);
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData("/export/catalogue.xlsx", "catalogue-", "فهرست خدمات ")]
    [InlineData("/export/data-register.xlsx", "data-register-", "طبقه‌بندی داده‌ها ")]
    [InlineData("/export/obligations.xlsx", "obligations-", "تعهدات توافقنامه‌ها ")]
    public async Task Viewer_downloads_a_workbook_named_in_persian_with_an_ascii_fallback(string url, string asciiStart, string persianStart)
    {
        using var response = await _app.CreateClient("Viewer").GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(XlsxType, response.Content.Headers.ContentType?.MediaType);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.StartsWith(asciiStart, disposition.FileName, StringComparison.Ordinal);
        Assert.True(disposition.FileName!.All(char.IsAscii));
        var raw = response.Content.Headers.GetValues("Content-Disposition").Single();
        Assert.Contains("filename*=UTF-8''", raw, StringComparison.Ordinal);
        Assert.StartsWith(persianStart, disposition.FileNameStar, StringComparison.Ordinal);
        Assert.EndsWith(".xlsx", disposition.FileNameStar, StringComparison.Ordinal);

        using var book = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        Assert.True(book.Worksheet(1).RightToLeft);
        Assert.Equal("test-viewer@example.ir", book.Properties.Author);
    }

    [Theory]
    [InlineData("/export/catalogue.xlsx")]
    [InlineData("/export/data-register.xlsx")]
    [InlineData("/export/obligations.xlsx")]
    public async Task Anonymous_request_gets_no_workbook_and_is_sent_to_sign_in(string url)
    {
        using var response = await _app.CreateClient(role: null).GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.NotEqual(XlsxType, response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("گواهي")] // Arabic yeh, as typed on many keyboards
    [InlineData("گواهی")]
    [InlineData("")]
    public async Task Catalogue_export_holds_exactly_the_rows_and_order_of_the_grid_filter(string search)
    {
        var filter = new CatalogueFilter(Search: search, Sort: CatalogueSort.Title, Descending: true);
        var expected = await ExpectedTitlesAsync(filter);

        using var book = await DownloadAsync(CatalogueLink.For(filter));

        Assert.Equal(expected, Column(book, 1));
        if (search.Length > 0)
        {
            Assert.Equal([ExportCatalogue.Signature, ExportCatalogue.Certificate], expected);
        }
    }

    [Fact]
    public async Task Catalogue_export_follows_status_provider_and_sort_from_the_link()
    {
        await using var db = _app.CreateDbContext();
        var ito = await db.Organizations.SingleAsync(o => o.Name == "سازمان فناوری اطلاعات ایران");
        var filter = new CatalogueFilter(ProviderId: ito.Id, Status: ServiceStatus.Active, Sort: CatalogueSort.ValidUntil);

        using var book = await DownloadAsync(CatalogueLink.For(filter));

        Assert.Equal(await ExpectedTitlesAsync(filter), Column(book, 1));
        Assert.Equal([ExportCatalogue.Approval, ExportCatalogue.Certificate], Column(book, 1));
    }

    [Fact]
    public async Task Catalogue_row_carries_the_current_agreement_key_fields()
    {
        using var book = await DownloadAsync(CatalogueLink.For(new CatalogueFilter(Search: "احراز")));
        var sheet = book.Worksheet(1);
        var header = sheet.Row(1).CellsUsed().Select(c => c.GetString()).ToList();
        string At(string column) => sheet.Cell(2, header.IndexOf(column) + 1).GetString();

        Assert.Equal(2, sheet.LastRowUsed().RowNumber());
        Assert.Equal(ExportCatalogue.Certificate, At("عنوان خدمت"));
        Assert.Equal("10000000001", At("شناسه ملی خدمت"));
        Assert.Equal("سازمان فناوری اطلاعات ایران", At("دستگاه ارائه‌دهنده"));
        Assert.Equal("شرکت‌ها و اشخاص حقیقی توسعه‌دهنده نرم‌افزار", At("گیرندگان خدمت"));
        Assert.Equal("فعال", At("وضعیت خدمت"));
        Assert.Equal("منتشرشده", At("وضعیت توافقنامه"));
        Assert.Equal("2", At("نسخه"));
        Assert.Equal("۱۴۰۰/۱۲/۲۹", At("پایان اعتبار (شمسی)"));
        Assert.Equal(new DateTime(2022, 3, 20), sheet.Cell(2, header.IndexOf("پایان اعتبار (تاریخ)") + 1).GetDateTime());
        Assert.Equal("2", At("تعهدات سازمان"));
        Assert.Equal("1", At("تعهدات متقاضی"));
        Assert.Equal("2", At("ردیف‌های داده"));
        Assert.Equal("رایگان", At("هزینه"));
        Assert.Equal("4", At("تعداد بندها"));
    }

    [Fact]
    public async Task Catalogue_export_with_a_bad_parameter_answers_400_in_persian()
    {
        using var response = await _app.CreateClient("Viewer").GetAsync("/export/catalogue.xlsx?status=Closed");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("وضعیت «Closed» شناخته نیست", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_has_one_row_per_data_row_of_each_current_version()
    {
        await using var db = _app.CreateDbContext();
        var currentRows = await db.AgreementVersions
            .Where(v => v.Number == db.AgreementVersions.Where(x => x.AgreementId == v.AgreementId).Max(x => x.Number))
            .SelectMany(v => v.DataRows)
            .CountAsync();

        using var book = await DownloadAsync("/export/data-register.xlsx");
        var sheet = book.Worksheet(1);

        Assert.Equal(3, currentRows);
        Assert.Equal(currentRows + 1, sheet.LastRowUsed().RowNumber());
        Assert.Equal("A1:K4", sheet.Tables.Single().RangeAddress.ToStringRelative());
        Assert.DoesNotContain("داده نسخه قدیم", Column(book, 5));
        Assert.Equal(
            [ExportCatalogue.Certificate, "10000000001", "سازمان فناوری اطلاعات ایران", "2", "فایل صادر شده", "متقاضی", "سازمان", "کامل", "خیر", "بلی", "سطح مردم"],
            sheet.Row(4).Cells(1, 11).Select(c => c.GetString()));
    }

    [Fact]
    public async Task Obligations_export_lists_current_obligations_provider_side_first()
    {
        using var book = await DownloadAsync("/export/obligations.xlsx");
        var sheet = book.Worksheet(1);

        Assert.Equal(
            ["توافقنامه سطح خدمات استانداری خراسان جنوبی|متقاضی|1", $"{ExportCatalogue.Approval}|سازمان|1",
             $"{ExportCatalogue.Certificate}|سازمان|1", $"{ExportCatalogue.Certificate}|سازمان|2", $"{ExportCatalogue.Certificate}|متقاضی|1"],
            Enumerable.Range(2, sheet.LastRowUsed().RowNumber() - 1).Select(r => $"{sheet.Cell(r, 1).GetString()}|{sheet.Cell(r, 4).GetString()}|{sheet.Cell(r, 5).GetString()}"));
        var formulaLooking = sheet.Cell(5, 6);
        Assert.Equal("=1+1 در دسترس بودن ۲۴ ساعته", formulaLooking.GetString());
        Assert.False(formulaLooking.HasFormula);
        Assert.True(formulaLooking.Style.IncludeQuotePrefix);
        Assert.Equal("24×7", sheet.Cell(5, 7).GetString());
    }

    private async Task<List<string>> ExpectedTitlesAsync(CatalogueFilter filter)
    {
        await using var db = _app.CreateDbContext();
        var today = DateOnly.FromDateTime(DateTime.Now);
        return await filter.Apply(db.Services.AsNoTracking(), today).Select(s => s.Title).ToListAsync();
    }

    private async Task<XLWorkbook> DownloadAsync(string url)
    {
        using var response = await _app.CreateClient("Viewer").GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return new XLWorkbook(new MemoryStream(bytes));
    }

    private static List<string> Column(XLWorkbook book, int column)
    {
        var sheet = book.Worksheet(1);
        var last = sheet.LastRowUsed().RowNumber();
        return Enumerable.Range(2, last - 1).Select(r => sheet.Cell(r, column).GetString()).ToList();
    }
}
