using System.Net;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using SlaAdmin.Data.Entities;
using SlaAdmin.Features.Agreements;
using SlaAdmin.Features.Catalogue;
using SlaAdmin.Features.Agreements.Exports;

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

    // File names go through WorkbookDownload.SafeFileName: the zero-width non-joiner becomes a space, which Chromium would save as «_».
    [Theory]
    [InlineData("/export/catalogue.xlsx", "catalogue-", "فهرست خدمات ")]
    [InlineData("/export/data-register.xlsx", "data-register-", "طبقه بندی داده ها ")]
    [InlineData("/export/obligations.xlsx", "obligations-", "تعهدات توافقنامه ها ")]
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

        using var book = await DownloadAsync(Catalogue(filter));

        Assert.Equal(expected, Column(book, "عنوان خدمت"));
        if (search.Length > 0) Assert.Equal([ExportCatalogue.Signature, ExportCatalogue.Certificate], expected);
        else Assert.Equal(7, expected.Count);
    }

    [Fact]
    public async Task Catalogue_export_follows_status_provider_and_sort_from_the_link()
    {
        await using var db = _app.CreateDbContext();
        var ito = await db.Organizations.SingleAsync(o => o.Name == ExportCatalogue.Ito);
        var filter = new CatalogueFilter(ProviderId: ito.Id, Status: ServiceStatus.Active, Sort: CatalogueSort.ValidUntil, Descending: true);
        foreach (var service in await db.Services.Where(s => s.Title == ExportCatalogue.Certificate || s.Title == ExportCatalogue.Approval).ToListAsync())
            service.Status = ServiceStatus.Active; // no seed states a status
        await db.SaveChangesAsync();

        using var book = await DownloadAsync(Catalogue(filter));

        var expected = await ExpectedTitlesAsync(filter);
        Assert.Equal([ExportCatalogue.Certificate, ExportCatalogue.Versioned, ExportCatalogue.Approval], expected); // 1400, 2021, no date

        Assert.Equal(expected, Column(book, "عنوان خدمت"));
    }

    [Fact]
    public async Task Catalogue_row_carries_the_key_fields_of_seed_000s_version_in_force()
    {
        using var book = await DownloadAsync(Catalogue(new CatalogueFilter(Search: "احراز اصالت")));
        var row = Assert.Single(Rows(book));

        Assert.Equal(ExportCatalogue.Certificate, row["عنوان خدمت"].GetString());
        Assert.Equal(ExportCatalogue.Ito, row["دستگاه ارائه‌دهنده"].GetString());
        Assert.Equal("شرکت‌ها و اشخاص حقیقی توسعه‌دهنده نرم‌افزار", row["گیرندگان خدمت"].GetString());
        Assert.Equal("نامشخص", row["وضعیت خدمت"].GetString());
        Assert.Equal("منقضی", row["وضعیت توافقنامه"].GetString()); // valid until 1400/12/29
        Assert.Equal(1d, row["نسخه"].GetDouble());
        Assert.Equal("۱۴۰۰/۱۲/۲۹", row["پایان اعتبار (شمسی)"].GetString());
        Assert.Equal(new DateTime(2022, 3, 20), row["پایان اعتبار (تاریخ)"].GetDateTime());
        Assert.Equal(10d, row["تعهدات سازمان"].GetDouble());
        Assert.Equal(4d, row["تعهدات متقاضی"].GetDouble());
        Assert.Equal(2d, row["ردیف‌های داده"].GetDouble());
        Assert.Equal("رایگان", row["هزینه"].GetString());
        Assert.Equal(9d, row["تعداد بندها"].GetDouble());
    }

    [Fact]
    public async Task Validity_worded_without_a_date_is_shown_as_worded_and_the_date_cell_left_empty()
    {
        using var book = await DownloadAsync(Catalogue(new CatalogueFilter(Search: "تاییدیه فنی")));
        var row = Assert.Single(Rows(book));

        Assert.Equal(ExportCatalogue.Approval, row["عنوان خدمت"].GetString());
        Assert.Equal("تا پایان دولت یازدهم", row["پایان اعتبار (شمسی)"].GetString());
        Assert.True(row["پایان اعتبار (تاریخ)"].IsEmpty());
        Assert.Equal("دارای هزینه", row["هزینه"].GetString());
    }

    [Fact]
    public async Task Only_the_version_in_force_counts_in_the_catalogue_not_the_newer_draft()
    {
        using var book = await DownloadAsync(Catalogue(new CatalogueFilter(Search: "دو نسخه")));
        var row = Assert.Single(Rows(book));

        Assert.Equal(1d, row["نسخه"].GetDouble());
        Assert.Equal("منقضی", row["وضعیت توافقنامه"].GetString()); // ended 2021-03-20
        Assert.Equal(2d, row["تعهدات سازمان"].GetDouble());
        Assert.Equal(1d, row["تعهدات متقاضی"].GetDouble());
        Assert.Equal(2d, row["ردیف‌های داده"].GetDouble());
        Assert.Equal("رایگان", row["هزینه"].GetString());
        Assert.Equal(3d, row["تعداد بندها"].GetDouble());
    }

    [Theory]
    [InlineData("?q=گواهي&status=Closed&sort=Nowhere&desc=1")]
    [InlineData("?q=%DA%AF%D9%88%D8%A7%D9%87%DB%8C&expiring=0&provider=x")]
    [InlineData("?status=Active&sort=ValidUntil&page=2&size=10")]
    public async Task The_export_reads_a_hand_made_link_exactly_as_the_grid_does(string query)
    {
        var expected = await ExpectedTitlesAsync(CatalogueQueryString.Parse(query));

        using var book = await DownloadAsync(ExportEndpoints.CataloguePath + query);

        Assert.NotEmpty(expected);
        Assert.Equal(expected, Column(book, "عنوان خدمت"));
    }

    [Fact]
    public async Task Register_has_one_row_per_data_row_of_each_version_in_force()
    {
        await using var db = _app.CreateDbContext();
        var currentRows = await AgreementStore.ReadingVersions(db)
            .SelectMany(v => v.DataRows)
            .CountAsync();

        using var book = await DownloadAsync("/export/data-register.xlsx");
        var rows = Rows(book);

        Assert.Equal(8, currentRows); // two rows in each of 000, 002, 003 and in the versioned service's version in force
        Assert.Equal(currentRows, rows.Count);
        Assert.Equal($"A1:K{currentRows + 1}", book.Worksheet(1).Tables.Single().RangeAddress.ToStringRelative());
        Assert.DoesNotContain("داده نسخه پیش‌نویس", rows.Select(r => r["نوع داده"].GetString()));
        var webService = Assert.Single(rows, r => r["نوع داده"].GetString() == "اطلاعات وب سرویس");
        Assert.Equal(
            ["راهبری دریافت سرویس از مرکز ملی تبادل اطلاعات", ExportCatalogue.Ito, "2", "دستگاه اجرایی", "سازمان", "کامل", "خیر", "خیر", "عدم انتشار"],
            new[] { "عنوان خدمت", "دستگاه ارائه‌دهنده", "ردیف", "واحد ارائه‌کننده", "واحد دریافت‌کننده", "سطح ذخیره‌سازی", "استفاده برای تحلیل و داده‌کاوی", "قابلیت نمایش برای عموم", "سطح انتشار" }
                .Select(column => webService[column].GetString()));
    }

    [Fact]
    public async Task Obligations_export_lists_every_obligation_in_force_provider_side_first_in_order()
    {
        await using var db = _app.CreateDbContext();
        var current = await AgreementStore.ReadingVersions(db)
            .SelectMany(v => v.Obligations)
            .CountAsync();

        using var book = await DownloadAsync("/export/obligations.xlsx");
        var rows = Rows(book);

        Assert.Equal(current, rows.Count);
        Assert.DoesNotContain("تعهد نسخه پیش‌نویس", rows.Select(r => r["متن تعهد"].GetString()));
        Assert.Equal(42 + 17 + 3, rows.Count); // the seeds' 42 provider and 17 recipient obligations, and 3 arranged
        var keys = rows.Select(r => (Service: r["عنوان خدمت"].GetString(), Side: r["طرف متعهد"].GetString() == "سازمان" ? 0 : 1, Order: r["ردیف"].GetDouble())).ToList();
        Assert.Equal(keys.OrderBy(k => k.Service, StringComparer.Ordinal).ThenBy(k => k.Side).ThenBy(k => k.Order), keys);
        Assert.Equal(
            [("سازمان", 1d), ("سازمان", 2d), ("متقاضی", 1d)],
            rows.Where(r => r["عنوان خدمت"].GetString() == ExportCatalogue.Versioned).Select(r => (r["طرف متعهد"].GetString(), r["ردیف"].GetDouble())));

        var formulaLooking = Assert.Single(rows, r => r["متن تعهد"].GetString().StartsWith('='))["متن تعهد"];
        Assert.Equal("=1+1 در دسترس بودن ۲۴ ساعته", formulaLooking.GetString());
        Assert.False(formulaLooking.HasFormula);
        Assert.True(formulaLooking.Style.IncludeQuotePrefix);
    }

    private async Task<List<string>> ExpectedTitlesAsync(CatalogueFilter filter)
    {
        await using var db = _app.CreateDbContext();
        var today = DateOnly.FromDateTime(DateTime.Now);
        return await filter.Apply(db, today).Select(e => e.Service.Title).ToListAsync();
    }

    private static string Catalogue(CatalogueFilter filter) => ExportEndpoints.CataloguePath + CatalogueQueryString.From(filter);

    private async Task<XLWorkbook> DownloadAsync(string url)
    {
        using var response = await _app.CreateClient("Viewer").GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return new XLWorkbook(new MemoryStream(bytes));
    }

    /// <summary>The data rows, each cell found by its column's header.</summary>
    private static List<Dictionary<string, IXLCell>> Rows(XLWorkbook book)
    {
        var sheet = book.Worksheet(1);
        var headers = sheet.Row(1).CellsUsed().Select(c => (c.Address.ColumnNumber, Header: c.GetString())).ToList();
        var last = sheet.LastRowUsed().RowNumber();
        return Enumerable.Range(2, last - 1)
            .Select(r => headers.ToDictionary(h => h.Header, h => sheet.Cell(r, h.ColumnNumber)))
            .ToList();
    }

    private static List<string> Column(XLWorkbook book, string header) => Rows(book).Select(r => r[header].GetString()).ToList();
}
