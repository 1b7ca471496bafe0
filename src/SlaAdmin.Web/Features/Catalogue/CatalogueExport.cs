using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using SlaAdmin.Data;
using SlaAdmin.Data.Entities;
using SlaAdmin.Excel.Streaming;
using SlaAdmin.Features.Catalogue;
using SlaAdmin.Persian;
using SlaAdmin.Vocabulary;

namespace SlaAdmin.Features.Catalogue;

/// <summary>One catalogue entry with the key fields of the agreement version its readers see.</summary>
public sealed record CatalogueExportRow(
    int ServiceId,
    string Title,
    string? NationalId,
    string Provider,
    string? Recipients,
    ServiceStatus? Status,
    AgreementStatus? AgreementStatus,
    bool Expired,
    int? Version,
    DateOnly? ValidUntil,
    string? ValidityText,
    int ProviderObligations,
    int RecipientObligations,
    int DataRows,
    bool? IsFree,
    int Clauses);

/// <summary>The catalogue as the grid shows it (same filter, same order), one row per service.</summary>
public sealed class CatalogueExport(IDbContextFactory<SlaDbContext> dbFactory, TimeProvider clock)
{
    public const string Title = "فهرست خدمات و توافقنامه‌ها";

    public static IReadOnlyList<XlsxColumn<CatalogueExportRow>> Columns { get; } =
    [
        new("عنوان خدمت", 45, r => XlsxCell.Text(r.Title), Wrap: true),
        new("شناسه ملی خدمت", 14, r => XlsxCell.Text(r.NationalId)),
        new("دستگاه ارائه‌دهنده", 30, r => XlsxCell.Text(r.Provider)),
        new("گیرندگان خدمت", 35, r => XlsxCell.Text(r.Recipients), Wrap: true),
        new("وضعیت خدمت", 14, r => XlsxCell.Text(Labels.Of(r.Status))),
        new("وضعیت توافقنامه", 14, r => XlsxCell.Text(r.AgreementStatus is { } s ? Labels.StatusOf(s, r.Expired) : null)),
        new("نسخه", 7, r => XlsxCell.Integer(r.Version)),
        new("پایان اعتبار (شمسی)", 18, r => XlsxCell.Text(r.ValidUntil is { } d ? Jalali.FormatPersian(d) : r.ValidityText), Wrap: true),
        new("پایان اعتبار (تاریخ)", 13, r => XlsxCell.Date(r.ValidUntil)),
        new("تعهدات سازمان", 10, r => XlsxCell.Integer(r.Version is null ? null : r.ProviderObligations)),
        new("تعهدات متقاضی", 10, r => XlsxCell.Integer(r.Version is null ? null : r.RecipientObligations)),
        new("ردیف‌های داده", 10, r => XlsxCell.Integer(r.Version is null ? null : r.DataRows)),
        new("هزینه", 12, r => XlsxCell.Text(r.Version is null ? null : Labels.CostsOf(r.IsFree))),
        new("تعداد بندها", 9, r => XlsxCell.Integer(r.Version is null ? null : r.Clauses)),
    ];

    public DateOnly Today => TehranTime.Today(clock);

    public XlsxSheet<CatalogueExportRow> Sheet(CatalogueFilter filter, CancellationToken cancellationToken = default) =>
        new("خدمات", "Catalogue", Columns, ReadAsync(filter, cancellationToken));

    /// <summary>The rows, streamed from the database in the order <see cref="CatalogueFilter.Apply"/> gives.</summary>
    public async IAsyncEnumerable<CatalogueExportRow> ReadAsync(CatalogueFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var today = Today;
        var rows = filter.Apply(db, today)
            .Select(e => new CatalogueExportRow(
                e.Service.Id,
                e.Service.Title,
                e.Service.NationalId,
                e.Service.Provider.Name,
                e.Reading == null ? null : e.Reading.RecipientsDescription,
                e.Service.Status,
                e.Reading == null ? null : e.Reading.Status,
                e.Reading != null && e.Reading.ValidUntil < today,
                e.Reading == null ? null : e.Reading.Number,
                e.Reading == null ? null : e.Reading.ValidUntil,
                e.Reading == null ? null : e.Reading.ValidityText,
                e.Reading == null ? 0 : e.Reading.Obligations.Count(o => o.Side == ObligationSide.Provider),
                e.Reading == null ? 0 : e.Reading.Obligations.Count(o => o.Side == ObligationSide.Recipient),
                e.Reading == null ? 0 : e.Reading.DataRows.Count,
                e.Reading == null ? null : e.Reading.IsFree,
                e.Reading == null ? 0 : e.Reading.Sections.Count(c => c.Kind != SectionKind.Appendix)))
            .AsAsyncEnumerable();

        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            yield return row;
        }
    }
}
