using Microsoft.EntityFrameworkCore;
using SlaAdmin.Data;
using SlaAdmin.Data.Entities;

namespace SlaAdmin.Features.Catalogue;

/// <summary>One row of the catalogue grid: the service and its agreement's current version.</summary>
public sealed record CatalogueRow(
    int Id,
    string Title,
    string ProviderName,
    ServiceStatus Status,
    int? AgreementId,
    AgreementStatus? AgreementStatus,
    DateOnly? ValidUntil,
    string? ValidityText,
    int ObligationCount);

public sealed record CatalogueResult(IReadOnlyList<CatalogueRow> Rows, int Total);

public sealed record ProviderOption(int Id, string Name);

/// <summary>A catalogue entry with a summary of its agreement, for the service page.</summary>
public sealed record ServiceDetails(
    int Id,
    string Title,
    string? NationalId,
    string ProviderName,
    string? RecipientsDescription,
    IReadOnlyList<string> RecipientNames,
    ServiceNature? Nature,
    ServiceTypes Types,
    ServiceLevel Level,
    string? ServiceDeskUrl,
    ServiceStatus Status,
    AgreementSummary? Agreement);

public sealed record AgreementSummary(
    int AgreementId,
    int VersionNumber,
    AgreementStatus Status,
    DateOnly? ValidUntil,
    string? ValidityText,
    string? Signatory,
    int ClauseCount,
    int ProviderObligations,
    int RecipientObligations,
    bool IsFree);

/// <summary>Reads the catalogue: the grid's pages, the provider list, one service.</summary>
public sealed class CatalogueService(IDbContextFactory<SlaDbContext> dbFactory, TimeProvider clock)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    /// <summary>One page (1-based) of the services the filter selects, sorted and paged in SQL.</summary>
    public async Task<CatalogueResult> SearchAsync(CatalogueFilter filter, int page, int size, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = filter.Apply(db.Services.AsNoTracking(), Today);
        var total = await query.CountAsync(cancellationToken);
        var rows = await query
            .Skip((Math.Max(page, 1) - 1) * size)
            .Take(size)
            .Select(s => new
            {
                s.Id,
                s.Title,
                Provider = s.Provider.Name,
                s.Status,
                Current = s.Agreement!.Versions
                    .OrderByDescending(v => v.Number)
                    .Select(v => new { v.AgreementId, v.Status, v.ValidUntil, v.ValidityText, Obligations = v.Obligations.Count })
                    .FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);

        return new CatalogueResult(
            rows.Select(r => new CatalogueRow(r.Id, r.Title, r.Provider, r.Status,
                r.Current?.AgreementId, r.Current?.Status, r.Current?.ValidUntil, r.Current?.ValidityText,
                r.Current?.Obligations ?? 0)).ToList(),
            total);
    }

    /// <summary>The organizations that provide at least one service, by name.</summary>
    public async Task<IReadOnlyList<ProviderOption>> ProvidersAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Organizations.AsNoTracking()
            .Where(o => o.ProvidedServices.Any())
            .OrderBy(o => o.Name)
            .Select(o => new ProviderOption(o.Id, o.Name))
            .ToListAsync(cancellationToken);
    }

    public async Task<ServiceDetails?> LoadServiceAsync(int id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var service = await db.Services.AsNoTracking()
            .Where(s => s.Id == id)
            .Select(s => new
            {
                s.Id,
                s.Title,
                s.NationalId,
                Provider = s.Provider.Name,
                s.RecipientsDescription,
                Recipients = s.Recipients.OrderBy(r => r.Name).Select(r => r.Name).ToList(),
                s.Nature,
                s.Types,
                s.Level,
                s.ServiceDeskUrl,
                s.Status,
                Current = s.Agreement!.Versions
                    .OrderByDescending(v => v.Number)
                    .Select(v => new
                    {
                        v.AgreementId,
                        v.Number,
                        v.Status,
                        v.ValidUntil,
                        v.ValidityText,
                        v.Signatory,
                        Clauses = v.Sections.Count(x => x.Kind != SectionKind.Appendix),
                        Provider = v.Obligations.Count(o => o.Side == ObligationSide.Provider),
                        Recipient = v.Obligations.Count(o => o.Side == ObligationSide.Recipient),
                        v.IsFree,
                    })
                    .FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (service is null) return null;

        var c = service.Current;
        return new ServiceDetails(service.Id, service.Title, service.NationalId, service.Provider,
            service.RecipientsDescription, service.Recipients, service.Nature, service.Types, service.Level,
            service.ServiceDeskUrl, service.Status,
            c is null ? null : new AgreementSummary(c.AgreementId, c.Number, c.Status, c.ValidUntil, c.ValidityText,
                c.Signatory, c.Clauses, c.Provider, c.Recipient, c.IsFree));
    }
}
