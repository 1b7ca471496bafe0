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
            await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
            {
                var counts = await CountAsync(db, id, version, cancellationToken);
                if (counts is not null && AgreementWorkbookMap.OverLimits(counts).ToList() is [_, ..] over)
                    return Results.Problem(detail: string.Join(" ", over.Select(o => o.Message)), statusCode: StatusCodes.Status422UnprocessableEntity,
                        title: "توافقنامه بزرگ‌تر از اندازه کارپوشه است");
            }
            var view = await store.LoadAsync(id, version, cancellationToken);
            if (view is null) return Results.NotFound();
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

    /// <summary>The rows of each part of the version the export would load (the one readers see, or number <paramref name="number"/>); null when there is none.</summary>
    private static Task<PartCounts?> CountAsync(SlaDbContext db, int id, int? number, CancellationToken cancellationToken)
    {
        var versions = number is { } n
            ? db.AgreementVersions.AsNoTracking().Where(v => v.AgreementId == id && v.Number == n)
            : AgreementStore.ReadingVersions(db).Where(v => v.AgreementId == id);
        return versions
            .Select(v => new PartCounts(v.Sections.Count, v.Obligations.Count, v.DataRows.Count, v.Fees.Count, v.PaymentMechanisms.Count,
                v.LegalReferences.Count, v.Definitions.Count, v.AppendixItems.Count))
            .FirstOrDefaultAsync(cancellationToken);
    }

    private static IResult Workbook(HttpContext http, byte[] content, string fileName, string asciiFileName)
    {
        http.Response.Headers.ContentDisposition = WorkbookDownload.ContentDisposition(fileName, asciiFileName);
        http.Response.Headers.CacheControl = "no-store";
        return Results.File(content, WorkbookDownload.ContentType);
    }
}
