using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using SlaAdmin.Data;
using SlaAdmin.Data.Entities;
using SlaAdmin.Excel.Streaming;
using SlaAdmin.Features.Agreements;
using SlaAdmin.Vocabulary;

namespace SlaAdmin.Features.Agreements.Exports;

public sealed record ObligationExportRow(
    string Service,
    string? NationalId,
    string Provider,
    ObligationSide Side,
    int Order,
    string Text,
    string? Target);

/// <summary>Every obligation of every agreement's current version: what a compliance review checks off.</summary>
public sealed class ObligationsExport(IDbContextFactory<SlaDbContext> dbFactory)
{
    public const string Title = "تعهدات توافقنامه‌های سطح خدمت";

    public static IReadOnlyList<XlsxColumn<ObligationExportRow>> Columns { get; } =
    [
        new("عنوان خدمت", 40, r => XlsxCell.Text(r.Service), Wrap: true),
        new("شناسه ملی خدمت", 14, r => XlsxCell.Text(r.NationalId)),
        new("دستگاه ارائه‌دهنده", 28, r => XlsxCell.Text(r.Provider)),
        new("طرف متعهد", 11, r => XlsxCell.Text(Labels.Of(r.Side))),
        new("ردیف", 6, r => XlsxCell.Integer(r.Order)),
        new("متن تعهد", 80, r => XlsxCell.Text(r.Text), Wrap: true),
        new("هدف قابل سنجش", 24, r => XlsxCell.Text(r.Target), Wrap: true),
    ];

    public XlsxSheet<ObligationExportRow> Sheet(CancellationToken cancellationToken = default) =>
        new("تعهدات", "Obligations", Columns, ReadAsync(cancellationToken));

    /// <summary>Streamed by service title, then the provider's obligations before the recipient's, each in its order.</summary>
    public async IAsyncEnumerable<ObligationExportRow> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows =
            from v in AgreementStore.ReadingVersions(db)
            from o in db.Obligations.Where(o => o.AgreementVersionId == v.Id)
            let service = v.Agreement.EService
            orderby service.Title, service.Id, o.Side == ObligationSide.Provider ? 0 : 1, o.Order, o.Id
            select new ObligationExportRow(service.Title, service.NationalId, service.Provider.Name, o.Side, o.Order, o.Text, o.Target);

        await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return row;
        }
    }
}
