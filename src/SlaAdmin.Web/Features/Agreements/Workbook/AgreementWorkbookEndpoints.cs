using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SlaAdmin.Auth;
using SlaAdmin.Data;
using SlaAdmin.Data.Entities;
using SlaAdmin.Excel;
using SlaAdmin.Features.Agreements;
using SlaAdmin.Hosting;

namespace SlaAdmin.Features.Agreements.Workbook;

public static class AgreementWorkbookEndpoints
{
    /// <summary>
    /// <c>GET /export/agreements/{id}.xlsx</c>: the version readers see (in force, or the draft of an agreement never published) as a workbook,
    /// or with <c>?version=n</c> that version (the working draft, to go on editing it), with the service card as it stands;
    /// <c>GET /export/agreements/template.xlsx</c>: the blank template. Any signed-in role may download.
    /// A version over <see cref="AgreementLimits"/> (stored before there were limits) is refused with 422 and
    /// a Persian problem detail after counting its rows, before any is loaded; the workbook is built in
    /// memory, so it counts against the instance's few big exports at once.
    /// </summary>
    public static IEndpointRouteBuilder MapAgreementWorkbook(this IEndpointRouteBuilder app)
    {
        var export = app.MapGroup("/export/agreements").RequireAuthorization(Policies.CanRead);

        export.MapGet("/template.xlsx", (HttpContext http, ClaimsPrincipal user) =>
            Workbook(http, AgreementWorkbookExporter.Template(user.Identity?.Name),
                AgreementWorkbookExporter.TemplateFileName, AgreementWorkbookExporter.TemplateAsciiFileName));

        export.MapGet("/{id:int}.xlsx", async (int id, int? version, HttpContext http, ClaimsPrincipal user, AgreementStore store, Checklist checklist,
            IDbContextFactory<SlaDbContext> dbFactory, CancellationToken cancellationToken) =>
        {
            // The view holds at most the limits' rows of each part and counts them all: a version stored
            // before the limits existed is refused, never exported cut short.
            var view = await store.LoadAsync(id, version, cancellationToken);
            if (view is null) return Results.NotFound();
            if (AgreementWorkbookMap.OverLimits(view.Counts).ToList() is [_, ..] over)
                return Results.Problem(detail: string.Join(" ", over.Select(o => o.Message)), statusCode: StatusCodes.Status422UnprocessableEntity,
                    title: "توافقنامه بزرگ‌تر از اندازه کارپوشه است");
            ServiceCard card;
            await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
            {
                card = ServiceCard.Of(await db.Services.AsNoTracking().SingleAsync(s => s.Id == view.ServiceId, cancellationToken));
            }
            // The checklist column speaks of the version in force only: obligations are checked there.
            var model = AgreementWorkbookModel.FromVersion(view.Version, view.RecipientGroups, card) with
            {
                Checks = view.IsInForce ? (await checklist.LatestAsync(id, cancellationToken)).ToDictionary(c => c.Key, c => c.Value.State) : new Dictionary<Guid, CheckState>(),
            };
            return Workbook(http, AgreementWorkbookExporter.Export(model, user.Identity?.Name),
                AgreementWorkbookExporter.FileName(model), AgreementWorkbookExporter.AsciiFileName(model));
        }).RequireRateLimiting(ExportConcurrency.Policy);

        return app;
    }

    private static IResult Workbook(HttpContext http, byte[] content, string fileName, string asciiFileName)
    {
        http.Response.Headers.ContentDisposition = WorkbookDownload.ContentDisposition(fileName, asciiFileName);
        http.Response.Headers.CacheControl = "no-store";
        return Results.File(content, WorkbookDownload.ContentType);
    }
}
