using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using SlaAdmin.Data;
using SlaAdmin.Data.Entities;
using SlaAdmin.Excel.Streaming;
using SlaAdmin.Features.Agreements;
using SlaAdmin.Vocabulary;

namespace SlaAdmin.Features.Agreements.Exports;

public sealed record DataRegisterExportRow(
    string Service,
    string? NationalId,
    string Provider,
    int Order,
    string DataType,
    DataParty ProvidingUnit,
    DataParty ReceivingUnit,
    StorageLevel StorageLevel,
    bool UsedForAnalytics,
    bool PublicVisible,
    PublicationScope PublicationScope);

/// <summary>
/// The data-classification register across all agreements (current versions): which data goes
/// where, how it is kept, and what is public. What privacy and legal staff ask for.
/// </summary>
public sealed class DataRegisterExport(IDbContextFactory<SlaDbContext> dbFactory)
{
    public const string Title = "دفتر طبقه‌بندی داده‌های خدمات";

    public static IReadOnlyList<XlsxColumn<DataRegisterExportRow>> Columns { get; } =
    [
        new("عنوان خدمت", 40, r => XlsxCell.Text(r.Service), Wrap: true),
        new("شناسه ملی خدمت", 14, r => XlsxCell.Text(r.NationalId)),
        new("دستگاه ارائه‌دهنده", 28, r => XlsxCell.Text(r.Provider)),
        new("ردیف", 6, r => XlsxCell.Integer(r.Order)),
        new("نوع داده", 30, r => XlsxCell.Text(r.DataType), Wrap: true),
        new("واحد ارائه‌کننده", 14, r => XlsxCell.Text(Labels.Of(r.ProvidingUnit))),
        new("واحد دریافت‌کننده", 14, r => XlsxCell.Text(Labels.Of(r.ReceivingUnit))),
        new("سطح ذخیره‌سازی", 12, r => XlsxCell.Text(Labels.Of(r.StorageLevel))),
        new("استفاده برای تحلیل و داده‌کاوی", 14, r => XlsxCell.Text(Labels.Of(r.UsedForAnalytics))),
        new("قابلیت نمایش برای عموم", 12, r => XlsxCell.Text(Labels.Of(r.PublicVisible))),
        new("سطح انتشار", 13, r => XlsxCell.Text(Labels.Of(r.PublicationScope))),
    ];

    public XlsxSheet<DataRegisterExportRow> Sheet(CancellationToken cancellationToken = default) =>
        new("طبقه‌بندی داده‌ها", "DataRegister", Columns, ReadAsync(cancellationToken));

    public async IAsyncEnumerable<DataRegisterExportRow> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows =
            from v in AgreementStore.ReadingVersions(db)
            from d in db.DataRows.Where(d => d.AgreementVersionId == v.Id)
            let service = v.Agreement.EService
            orderby service.Title, service.Id, d.Order, d.Id
            select new DataRegisterExportRow(service.Title, service.NationalId, service.Provider.Name, d.Order, d.DataType,
                d.ProvidingUnit, d.ReceivingUnit, d.StorageLevel, d.UsedForAnalytics, d.PublicVisible, d.PublicationScope);

        await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return row;
        }
    }
}
