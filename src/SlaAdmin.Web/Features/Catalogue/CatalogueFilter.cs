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
    int? ExpiringWithinDays = null)
{
    public IQueryable<EService> Apply(IQueryable<EService> services, DateOnly today)
    {
        // A retired service has left the catalogue; its page and its agreements' history stay.
        services = services.Where(s => s.RetiredAt == null);
        var term = PersianText.Fold(Search);
        if (term.Length > 0)
        {
            // Provider names are folded too, so «استانداری» finds the governorate's services, and a
            // ministry's name finds the services of the companies and units under it.
            services = services.Where(s => s.SearchText.Contains(term) || s.Provider.SearchText.Contains(term)
                || (s.Provider.Parent != null && (s.Provider.Parent.SearchText.Contains(term)
                    || (s.Provider.Parent.Parent != null && s.Provider.Parent.Parent.SearchText.Contains(term)))));
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

        return (Sort, Descending) switch
        {
            (CatalogueSort.Provider, false) => services.OrderBy(s => s.Provider.Name).ThenBy(s => s.Id),
            (CatalogueSort.Provider, true) => services.OrderByDescending(s => s.Provider.Name).ThenBy(s => s.Id),
            (CatalogueSort.Status, false) => services.OrderBy(s => s.Status).ThenBy(s => s.Id),
            (CatalogueSort.Status, true) => services.OrderByDescending(s => s.Status).ThenBy(s => s.Id),
            // The end date of the version readers see; agreements without one («تا پایان دولت یازدهم») last either way,
            // the same on SQLite and PostgreSQL, whose default null orders differ.
            (CatalogueSort.ValidUntil, false) => services
                .OrderBy(s => s.Agreement!.Versions.Where(v => v.Id == (s.Agreement.InForceVersionId ?? s.Agreement.WorkingVersionId)).Select(v => v.ValidUntil).FirstOrDefault() == null)
                .ThenBy(s => s.Agreement!.Versions.Where(v => v.Id == (s.Agreement.InForceVersionId ?? s.Agreement.WorkingVersionId)).Select(v => v.ValidUntil).FirstOrDefault())
                .ThenBy(s => s.Id),
            (CatalogueSort.ValidUntil, true) => services
                .OrderBy(s => s.Agreement!.Versions.Where(v => v.Id == (s.Agreement.InForceVersionId ?? s.Agreement.WorkingVersionId)).Select(v => v.ValidUntil).FirstOrDefault() == null)
                .ThenByDescending(s => s.Agreement!.Versions.Where(v => v.Id == (s.Agreement.InForceVersionId ?? s.Agreement.WorkingVersionId)).Select(v => v.ValidUntil).FirstOrDefault())
                .ThenBy(s => s.Id),
            (_, false) => services.OrderBy(s => s.Title).ThenBy(s => s.Id),
            (_, true) => services.OrderByDescending(s => s.Title).ThenBy(s => s.Id),
        };
    }
}
