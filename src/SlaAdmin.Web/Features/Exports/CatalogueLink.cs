using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using SlaAdmin.Data.Entities;
using SlaAdmin.Features.Catalogue;
using SlaAdmin.Persian;

namespace SlaAdmin.Features.Exports;

/// <summary>
/// The catalogue export's URL and its query: q, provider (organization id), status and sort (enum
/// names), desc (true/false), expiring (days). The grid builds its link with the same names, so the
/// file holds exactly the rows the grid shows.
/// </summary>
public static class CatalogueLink
{
    public const string Path = "/export/catalogue.xlsx";

    /// <summary>The export link for a filter; parameters left at their defaults are left out.</summary>
    public static string For(CatalogueFilter filter)
    {
        var query = new Dictionary<string, string?>();
        if (!string.IsNullOrWhiteSpace(filter.Search)) query["q"] = filter.Search.Trim();
        if (filter.ProviderId is { } provider) query["provider"] = provider.ToString(CultureInfo.InvariantCulture);
        if (filter.Status is { } status) query["status"] = status.ToString();
        if (filter.Sort != CatalogueSort.Title) query["sort"] = filter.Sort.ToString();
        if (filter.Descending) query["desc"] = "true";
        if (filter.ExpiringWithinDays is { } days) query["expiring"] = days.ToString(CultureInfo.InvariantCulture);
        return QueryHelpers.AddQueryString(Path, query);
    }

    /// <summary>Reads the filter from a query string; on bad input, says what is wrong in Persian.</summary>
    public static bool TryParse(IReadOnlyDictionary<string, string?> query, out CatalogueFilter filter, out string? error)
    {
        filter = new CatalogueFilter();
        error = null;
        string? Get(string name) => query.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

        int? providerId = null;
        if (Get("provider") is { } providerText)
        {
            if (!PersianDigits.TryParseNumber(providerText, out var id) || id is < 1 or > int.MaxValue)
            {
                error = $"شناسه دستگاه ارائه‌دهنده «{providerText}» عدد درستی نیست.";
                return false;
            }
            providerId = (int)id;
        }

        ServiceStatus? status = null;
        if (Get("status") is { } statusText)
        {
            if (!TryParseName<ServiceStatus>(statusText, out var s))
            {
                error = $"وضعیت «{statusText}» شناخته نیست؛ یکی از {Names<ServiceStatus>()} را بفرستید.";
                return false;
            }
            status = s;
        }

        var sort = CatalogueSort.Title;
        if (Get("sort") is { } sortText && !TryParseName(sortText, out sort))
        {
            error = $"ستون مرتب‌سازی «{sortText}» شناخته نیست؛ یکی از {Names<CatalogueSort>()} را بفرستید.";
            return false;
        }

        var descending = false;
        if (Get("desc") is { } descText && !bool.TryParse(descText, out descending))
        {
            error = $"ترتیب نزولی «{descText}» باید true یا false باشد.";
            return false;
        }

        int? expiring = null;
        if (Get("expiring") is { } expiringText)
        {
            if (!PersianDigits.TryParseNumber(expiringText, out var days) || days > 36_500)
            {
                error = $"تعداد روزهای مانده به پایان اعتبار «{expiringText}» باید عددی از ۰ تا ۳۶۵۰۰ باشد.";
                return false;
            }
            expiring = (int)days;
        }

        filter = new CatalogueFilter(Get("q"), providerId, status, sort, descending, expiring);
        return true;
    }

    // Names only: Enum.TryParse would also take "7" and invent a value.
    private static bool TryParseName<TEnum>(string text, out TEnum value) where TEnum : struct, Enum =>
        Enum.TryParse(text, ignoreCase: true, out value) && char.IsLetter(text[0]) && Enum.IsDefined(value);

    private static string Names<TEnum>() where TEnum : struct, Enum => string.Join("، ", Enum.GetNames<TEnum>());
}
