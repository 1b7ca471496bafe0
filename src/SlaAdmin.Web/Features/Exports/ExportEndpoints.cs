using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;
using SlaAdmin.Auth;
using SlaAdmin.Excel.Streaming;
using SlaAdmin.Persian;

namespace SlaAdmin.Features.Exports;

/// <summary>
/// The big spreadsheets as plain links: each streams its workbook into the response as the rows
/// are read, so the first bytes leave before the last row is fetched.
/// </summary>
public static class ExportEndpoints
{
    public const string DataRegisterPath = "/export/data-register.xlsx";
    public const string ObligationsPath = "/export/obligations.xlsx";

    public static IEndpointRouteBuilder MapSlaExports(this IEndpointRouteBuilder app)
    {
        var exports = app.MapGroup("").RequireAuthorization(Policies.CanRead);

        exports.MapGet(CatalogueLink.Path, (HttpContext http, CatalogueExport export, TimeProvider clock) =>
        {
            var query = http.Request.Query.ToDictionary(p => p.Key, p => (string?)p.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            if (!CatalogueLink.TryParse(query, out var filter, out var error))
            {
                return Results.Problem(title: "درخواست نادرست", detail: error, statusCode: StatusCodes.Status400BadRequest);
            }
            return Workbook(http, clock, CatalogueExport.Title, "فهرست خدمات", "catalogue", export.Sheet(filter, http.RequestAborted));
        });

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
        // RFC 6266/5987: browsers that read filename* get the Persian name, others the ASCII one.
        var disposition = new ContentDispositionHeaderValue("attachment")
        {
            FileName = $"{asciiName}-{date}.xlsx",
            FileNameStar = $"{persianName} {PersianDigits.ToPersian(date)}.xlsx",
        };
        http.Response.Headers.ContentDisposition = disposition.ToString();
        http.Response.Headers.CacheControl = "no-store";
        http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();

        var properties = new XlsxProperties(title, http.User.Identity?.Name, now);
        return Results.Stream(body => XlsxStreamWriter.WriteAsync(body, properties, sheet, http.RequestAborted), XlsxStreamWriter.ContentType);
    }
}
