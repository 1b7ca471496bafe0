using Microsoft.EntityFrameworkCore;
using SlaAdmin.Data;
using SlaAdmin.Data.Entities;
using SlaAdmin.Persian;

namespace SlaAdmin.Features.Catalogue;

/// <summary>One row of the catalogue grid: the service and the agreement version its readers see.</summary>
public sealed record CatalogueRow(
    int Id,
    string Title,
    string ProviderName,
    ServiceStatus? Status,
    int? AgreementId,
    AgreementStatus? AgreementStatus,
    DateOnly? ValidUntil,
    string? ValidityText,
    int ObligationCount)
{
    public bool IsExpiredOn(DateOnly today) => Validity.IsExpired(ValidUntil, today);
}

public sealed record CatalogueResult(IReadOnlyList<CatalogueRow> Rows, int Total);

public sealed record ProviderOption(int Id, string Name);

/// <summary>A catalogue entry (the national service card) with a summary of its agreement, for the service page.</summary>
public sealed record ServiceDetails(
    int Id,
    string Title,
    string? NationalId,
    string ProviderName,
    IReadOnlyList<string> ProviderParents,
    string? ProviderUnit,
    IReadOnlyList<string> RecipientNames,
    ServiceNature? Nature,
    ServiceTypes? Types,
    ServiceLevel? Level,
    ServiceStatus? Status,
    string? Definition,
    string? InteractionChannels,
    string? WebAddress,
    string? RequestSteps,
    string? ReportingAndReview,
    string? ServiceDeskUrl,
    AgreementSummary? Agreement);

/// <summary>The agreement version readers see, summarised; <see cref="InForce"/> is false for an agreement never published.</summary>
public sealed record AgreementSummary(
    int AgreementId,
    int VersionNumber,
    AgreementStatus Status,
    bool InForce,
    string? RecipientsDescription,
    DateOnly? ValidUntil,
    string? ValidityText,
    string? Signatory,
    int ClauseCount,
    int ProviderObligations,
    int RecipientObligations,
    bool? IsFree,
    int? WorkingNumber);

/// <summary>Reads the catalogue: the grid's pages, the provider list, one service.</summary>
public sealed class CatalogueService(IDbContextFactory<SlaDbContext> dbFactory, TimeProvider clock)
{
    public DateOnly Today => TehranTime.Today(clock);

    /// <summary>One page (1-based) of the services the filter selects, sorted and paged in SQL.</summary>
    public async Task<CatalogueResult> SearchAsync(CatalogueFilter filter, int page, int size, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var total = await filter.Services(db, Today).CountAsync(cancellationToken);
        var rows = await filter.Apply(db, Today)
            .Skip((Math.Max(page, 1) - 1) * size)
            .Take(size)
            .Select(e => new CatalogueRow(e.Service.Id, e.Service.Title, e.Service.Provider.Name, e.Service.Status,
                e.Reading == null ? null : e.Reading.AgreementId,
                e.Reading == null ? null : e.Reading.Status,
                e.Reading == null ? null : e.Reading.ValidUntil,
                e.Reading == null ? null : e.Reading.ValidityText,
                e.Reading == null ? 0 : e.Reading.ObligationCount))
            .ToListAsync(cancellationToken);
        return new CatalogueResult(rows, total);
    }

    /// <summary>The organizations that provide at least one service, or sit above one that does, by name.</summary>
    public async Task<IReadOnlyList<ProviderOption>> ProvidersAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Organizations.AsNoTracking()
            .Where(o => o.ProvidedServices.Any() || o.Children.Any(c => c.ProvidedServices.Any() || c.Children.Any(g => g.ProvidedServices.Any())))
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
                Service = s,
                Provider = s.Provider.Name,
                Parent = s.Provider.Parent == null ? null : s.Provider.Parent.Name,
                GrandParent = s.Provider.Parent == null || s.Provider.Parent.Parent == null ? null : s.Provider.Parent.Parent.Name,
                Recipients = s.Recipients.OrderBy(r => r.Name).Select(r => r.Name).ToList(),
                InForce = s.Agreement!.InForceVersionId != null,
                Working = s.Agreement.WorkingVersion == null ? (int?)null : s.Agreement.WorkingVersion.Number,
                // The reading version's id, then its summary in a second query: SQLite cannot translate a
                // several-column FirstOrDefault over Versions correlated with the service (it needs APPLY).
                ReadingId = s.Agreement.InForceVersionId ?? s.Agreement.WorkingVersionId,
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (service is null) return null;

        var c = service.ReadingId is not { } readingId ? null : await db.AgreementVersions.AsNoTracking()
            .Where(v => v.Id == readingId)
            .Select(v => new
            {
                v.AgreementId,
                v.Number,
                v.Status,
                v.RecipientsDescription,
                v.ValidUntil,
                v.ValidityText,
                v.Signatory,
                Clauses = v.Sections.Count(x => x.Kind != SectionKind.Appendix),
                Provider = v.Obligations.Count(o => o.Side == ObligationSide.Provider),
                Recipient = v.Obligations.Count(o => o.Side == ObligationSide.Recipient),
                v.IsFree,
            })
            .FirstOrDefaultAsync(cancellationToken);
        var s = service.Service;
        return new ServiceDetails(s.Id, s.Title, s.NationalId, service.Provider,
            new[] { service.Parent, service.GrandParent }.OfType<string>().ToList(), s.ProviderUnit,
            service.Recipients, s.Nature, s.Types, s.Level, s.Status, s.Definition, s.InteractionChannels, s.WebAddress,
            s.RequestSteps, s.ReportingAndReview, s.ServiceDeskUrl,
            c is null ? null : new AgreementSummary(c.AgreementId, c.Number, c.Status, service.InForce, c.RecipientsDescription,
                c.ValidUntil, c.ValidityText, c.Signatory, c.Clauses, c.Provider, c.Recipient, c.IsFree,
                service.Working is { } w && w != c.Number ? w : null));
    }
}
