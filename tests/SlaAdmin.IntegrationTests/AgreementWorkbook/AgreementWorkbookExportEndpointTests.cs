using System.Net;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using SlaAdmin.Auth;

namespace SlaAdmin.IntegrationTests.AgreementWorkbook;

public sealed class AgreementWorkbookExportEndpointTests : IClassFixture<SlaAppFactory>
{
    private const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private readonly SlaAppFactory _app;

    public AgreementWorkbookExportEndpointTests(SlaAppFactory app) => _app = app;

    [Theory]
    [InlineData(Roles.Viewer)]
    [InlineData(Roles.LegalReviewer)]
    [InlineData(Roles.Administrator)]
    public async Task Every_role_may_download_an_agreement_workbook(string role)
    {
        var id = await AgreementIdAsync("صدور تاییدیه فنی نرم‌افزار");

        var response = await _app.CreateClient(role).GetAsync($"/export/agreements/{id}.xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ContentType, response.Content.Headers.ContentType?.MediaType);
        using var workbook = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        Assert.Equal("صدور تاییدیه فنی نرم‌افزار", workbook.Properties.Title);
        Assert.Equal($"test-{role.ToLowerInvariant()}@example.ir", workbook.Properties.Author);
        Assert.Equal("IR54010000400100090100108", workbook.Worksheet("پرداخت").Cell(2, 4).GetString());
    }

    [Fact]
    public async Task Download_names_the_file_in_persian_with_an_ascii_fallback()
    {
        var id = await AgreementIdAsync("صدور تاییدیه فنی نرم‌افزار");

        var response = await _app.CreateClient(Roles.Viewer).GetAsync($"/export/agreements/{id}.xlsx");

        var header = string.Join("", response.Content.Headers.GetValues("Content-Disposition"));
        Assert.StartsWith($"attachment; filename=\"agreement-{id}.xlsx\"; filename*=UTF-8''", header, StringComparison.Ordinal);
        Assert.Contains(Uri.EscapeDataString("توافقنامه صدور تاییدیه فنی نرم افزار - نسخه ۱.xlsx"), header, StringComparison.Ordinal);
        Assert.Equal("توافقنامه صدور تاییدیه فنی نرم افزار - نسخه ۱.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar);
    }

    [Fact]
    public async Task Anonymous_download_is_refused()
    {
        var id = await AgreementIdAsync("صدور تاییدیه فنی نرم‌افزار");

        var response = await _app.CreateClient(role: null).GetAsync($"/export/agreements/{id}.xlsx");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.NotEqual(ContentType, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Anonymous_template_download_is_refused()
    {
        var response = await _app.CreateClient(role: null).GetAsync("/export/agreements/template.xlsx");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task Unknown_agreement_is_not_found()
    {
        var response = await _app.CreateClient(Roles.Viewer).GetAsync("/export/agreements/999999.xlsx");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Viewer_may_download_the_blank_template()
    {
        var response = await _app.CreateClient(Roles.Viewer).GetAsync("/export/agreements/template.xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("filename=\"agreement-template.xlsx\"", string.Join("", response.Content.Headers.GetValues("Content-Disposition")), StringComparison.Ordinal);
        using var workbook = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        Assert.Equal(9, workbook.Worksheets.Count);
        Assert.Equal(1, workbook.Worksheet("تعهدات").LastRowUsed(XLCellsUsedOptions.Contents).RowNumber());
    }

    [Fact]
    public async Task Viewer_cannot_open_the_import_page()
    {
        var response = await _app.CreateClient(Roles.Viewer).GetAsync("/agreements/import");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Administrator_opens_the_import_page_in_persian()
    {
        var response = await _app.CreateClient(Roles.Administrator).GetAsync("/agreements/import");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("ورود توافقنامه از فایل اکسل", html, StringComparison.Ordinal);
        Assert.Contains("/export/agreements/template.xlsx", html, StringComparison.Ordinal);
    }

    private async Task<int> AgreementIdAsync(string serviceTitle)
    {
        await using var db = _app.CreateDbContext();
        return await db.Agreements.Where(a => a.EService.Title == serviceTitle).Select(a => a.Id).SingleAsync();
    }
}
