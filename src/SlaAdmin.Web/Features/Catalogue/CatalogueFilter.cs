using Microsoft.EntityFrameworkCore;
using SlaAdmin.Data;
using SlaAdmin.Data.Entities;
using SlaAdmin.Persian;

namespace SlaAdmin.Features.Catalogue;

/// <summary>Sortable columns of the catalogue; the names appear in URLs.</summary>
public enum CatalogueSort
{
    Title,
    Provider,
    Status,
    ValidUntil,
}

/// <summary>A catalogue entry with the agreement version its readers see: the version in force, else the working one.</summary>
public sealed class CatalogueEntry
{
    public required EService Service { get; init; }
    public AgreementVersion? Reading { get; init; }
}

/// <summary>
/// What the user searched, filtered and sorted in the catalogue grid. The grid, its URL and the
/// catalogue export all go through <see cref="Apply"/>, so an export holds exactly the rows shown.
/// </summary>
public sealed record CatalogueFilter(
    string? Search = null,
    int? ProviderId = null,
    ServiceStatus? Status = null,
    CatalogueSort Sort = CatalogueSort.Title,
    bool Descending = false,
    int? ExpiringWithinDays = null,
    bool Expired = false)
{
    /// <summary>The services the filter selects, in no order: what the grid counts.</summary>
    public IQueryable<EService> Services(SlaDbContext db, DateOnly today)
    {
        // A retired service has left the catalogue; its page and its agreements' history stay.
        var services = db.Services.AsNoTracking().Where(s => s.RetiredAt == null);
        var term = PersianText.Fold(Search);
        if (term.Length > 0)
        {
            // Provider names are folded too, so «استانداری» finds the governorate's services, and a
            // ministry's name finds the services of the companies and units under it (a few hundred rows: scanned).
            var providers = db.Organizations.Where(o => o.SearchText.Contains(term)
                || (o.Parent != null && (o.Parent.SearchText.Contains(term) || (o.Parent.Parent != null && o.Parent.Parent.SearchText.Contains(term)))))
                .Select(o => o.Id);
            // One set of ids, so the database reads the matches by key instead of testing every service.
            var matching = SearchIndex.Matching(db, term).Union(db.Services.Where(s => providers.Contains(s.ProviderId)).Select(s => s.Id));
            services = services.Where(s => matching.Contains(s.Id));
        }
        if (ProviderId is { } providerId)
        {
            services = services.Where(s => s.ProviderId == providerId || s.Provider.ParentId == providerId
                || (s.Provider.Parent != null && s.Provider.Parent.ParentId == providerId));
        }
        if (Status is { } status) services = services.Where(s => s.Status == status);
        if (ExpiringWithinDays is { } days)
        {
            var last = today.AddDays(days);
            services = services.Where(s => s.Agreement!.Versions.Any(v =>
                v.Id == (s.Agreement.InForceVersionId ?? s.Agreement.WorkingVersionId) && v.ValidUntil >= today && v.ValidUntil <= last));
        }
        if (Expired)
        {
            // What the grid and the agreement page call «منقضی» (Labels.StatusOf): a published version whose end has passed.
            services = services.Where(s => s.Agreement!.Versions.Any(v =>
                v.Id == (s.Agreement.InForceVersionId ?? s.Agreement.WorkingVersionId) && v.Status == AgreementStatus.Published && v.ValidUntil < today));
        }
        return services;
    }

    /// <summary>
    /// The selected services with the version their readers see, joined through the agreement's pointer,
    /// sorted in SQL (titles and names in Persian alphabetical order, by the columns' collation).
    /// </summary>
    public IQueryable<CatalogueEntry> Apply(SlaDbContext db, DateOnly today)
    {
        var entries = Services(db, today).LeftJoin(db.AgreementVersions,
            s => s.Agreement!.InForceVersionId ?? s.Agreement.WorkingVersionId, v => (int?)v.Id,
            (s, v) => new CatalogueEntry { Service = s, Reading = v });
        return (Sort, Descending) switch
        {
            (CatalogueSort.Provider, false) => entries.OrderBy(e => e.Service.Provider.Name).ThenBy(e => e.Service.Id),
            (CatalogueSort.Provider, true) => entries.OrderByDescending(e => e.Service.Provider.Name).ThenBy(e => e.Service.Id),
            (CatalogueSort.Status, false) => entries.OrderBy(e => e.Service.Status).ThenBy(e => e.Service.Id),
            (CatalogueSort.Status, true) => entries.OrderByDescending(e => e.Service.Status).ThenBy(e => e.Service.Id),
            // The end date of the version readers see; agreements without one («تا پایان دولت یازدهم») last either way,
            // the same on SQLite and PostgreSQL, whose default null orders differ.
            (CatalogueSort.ValidUntil, false) => entries.OrderBy(e => e.Reading!.ValidUntil == null).ThenBy(e => e.Reading!.ValidUntil).ThenBy(e => e.Service.Id),
            (CatalogueSort.ValidUntil, true) => entries.OrderBy(e => e.Reading!.ValidUntil == null).ThenByDescending(e => e.Reading!.ValidUntil).ThenBy(e => e.Service.Id),
            (_, false) => entries.OrderBy(e => e.Service.Title).ThenBy(e => e.Service.Id),
            (_, true) => entries.OrderByDescending(e => e.Service.Title).ThenBy(e => e.Service.Id),
        };
    }
}
