using Microsoft.AspNetCore.Http.Features;
using SlaAdmin.Auth;
using SlaAdmin.Excel;
using SlaAdmin.Excel.Streaming;
using SlaAdmin.Features.Catalogue;
using SlaAdmin.Hosting;
using SlaAdmin.Persian;

namespace SlaAdmin.Features.Agreements.Exports;

/// <summary>
/// The big spreadsheets as plain links: each streams its workbook into the response as the rows
/// are read, so the first bytes leave before the last row is fetched.
/// </summary>
public static class ExportEndpoints
{
    /// <summary>Takes the catalogue grid's query (<see cref="CatalogueQueryString"/>).</summary>
    public const string CataloguePath = "/export/catalogue.xlsx";
    public const string DataRegisterPath = "/export/data-register.xlsx";
    public const string ObligationsPath = "/export/obligations.xlsx";

    public static IEndpointRouteBuilder MapSlaExports(this IEndpointRouteBuilder app)
    {
        var exports = app.MapGroup("").RequireAuthorization(Policies.CanRead).RequireRateLimiting(ExportConcurrency.Policy);

        // The grid's own reading of its URL, so the file holds exactly the rows the grid shows.
        exports.MapGet(CataloguePath, (HttpContext http, CatalogueExport export, TimeProvider clock) =>
            Workbook(http, clock, CatalogueExport.Title, "فهرست خدمات", "catalogue",
                export.Sheet(CatalogueQueryString.Parse(http.Request.QueryString.Value), http.RequestAborted)));

        exports.MapGet(DataRegisterPath, (HttpContext http, DataRegisterExport export, TimeProvider clock) =>
            Workbook(http, clock, DataRegisterExport.Title, "طبقه‌بندی داده‌ها", "data-register", export.Sheet(http.RequestAborted)));

        exports.MapGet(ObligationsPath, (HttpContext http, ObligationsExport export, TimeProvider clock) =>
            Workbook(http, clock, ObligationsExport.Title, "تعهدات توافقنامه‌ها", "obligations", export.Sheet(http.RequestAborted)));

        return app;
    }

    private static IResult Workbook(HttpContext http, TimeProvider clock, string title, string persianName, string asciiName, XlsxSheet sheet)
    {
        var now = clock.GetLocalNow();
        var date = Jalali.Format(DateOnly.FromDateTime(now.DateTime)).Replace('/', '-');
        http.Response.Headers.ContentDisposition = WorkbookDownload.ContentDisposition(
            $"{persianName} {PersianDigits.ToPersian(date)}.xlsx", $"{asciiName}-{date}.xlsx");
        http.Response.Headers.CacheControl = "no-store";
        http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();

        var properties = new XlsxProperties(title, http.User.Identity?.Name, now);
        return Results.Stream(body => XlsxStreamWriter.WriteAsync(body, properties, sheet, http.RequestAborted), WorkbookDownload.ContentType);
    }
}
