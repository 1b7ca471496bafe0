using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using SlaAdmin.Data.Entities;
using SlaAdmin.Persian;

namespace SlaAdmin.Features.Catalogue;

/// <summary>A view of the catalogue grid: what is filtered and sorted, and which page of what size.</summary>
public sealed record CatalogueView(CatalogueFilter Filter, int Page = 1, int Size = CatalogueQueryString.DefaultPageSize);

/// <summary>
/// The catalogue's state in a URL (<c>q, provider, status, sort, desc, page, size, expiring</c>), so a
/// link reproduces a view. The grid page, its «دریافت اکسل» link and the export endpoint all read and
/// write it here. Parsing is forgiving: a value that cannot be read is ignored, never an error.
/// </summary>
public static class CatalogueQueryString
{
    public const int DefaultPageSize = 25;

    public static IReadOnlyList<int> PageSizes { get; } = [10, 25, 50, 100];

    /// <summary>The filter alone («?q=...&amp;status=Active»), for the export link; empty when nothing is set.</summary>
    public static string From(CatalogueFilter filter) => Build(filter, page: 1, size: DefaultPageSize);

    /// <summary>The whole view; page 1 and the default size are left out.</summary>
    public static string From(CatalogueView view) => Build(view.Filter, view.Page, view.Size);

    /// <summary>The filter from a query string (with or without the leading «?»), as the export endpoint receives it.</summary>
    public static CatalogueFilter Parse(string? query) => ParseView(query).Filter;

    public static CatalogueView ParseView(string? query)
    {
        var values = QueryHelpers.ParseQuery(query);
        string? Get(string key) => values.TryGetValue(key, out var v) ? v.ToString() : null;
        return Create(Get("q"), Get("provider"), Get("status"), Get("sort"), Get("desc"), Get("expiring"), Get("page"), Get("size"), Get("expired"));
    }

    /// <summary>The view from the raw query values, as the page receives them.</summary>
    private const int MaxExpiringDays = 36_500;
    private const int MaxPage = 1_000_000;

    public static CatalogueView Create(string? q, string? provider, string? status, string? sort, string? desc,
        string? expiring, string? page = null, string? size = null, string? expired = null)
    {
        var filter = new CatalogueFilter(
            Search: string.IsNullOrWhiteSpace(q) ? null : q.Trim(),
            ProviderId: PositiveNumber(provider),
            Status: EnumName<ServiceStatus>(status),
            Sort: EnumName<CatalogueSort>(sort) ?? CatalogueSort.Title,
            Descending: IsOn(desc),
            ExpiringWithinDays: PositiveNumber(expiring) is { } days and <= MaxExpiringDays ? days : null,
            Expired: IsOn(expired));
        var pageSize = PositiveNumber(size) is { } s && PageSizes.Contains(s) ? s : DefaultPageSize;
        // Far past the last page is simply empty; the cap keeps the SQL offset from overflowing.
        return new CatalogueView(filter, Math.Min(PositiveNumber(page) ?? 1, MaxPage), pageSize);
    }

    private static string Build(CatalogueFilter filter, int page, int size)
    {
        var pairs = new List<(string Key, string Value)>();
        if (!string.IsNullOrWhiteSpace(filter.Search)) pairs.Add(("q", filter.Search.Trim()));
        if (filter.ProviderId is { } provider) pairs.Add(("provider", Number(provider)));
        if (filter.Status is { } status) pairs.Add(("status", status.ToString()));
        if (filter.Sort != CatalogueSort.Title) pairs.Add(("sort", filter.Sort.ToString()));
        if (filter.Descending) pairs.Add(("desc", "true"));
        if (filter.ExpiringWithinDays is { } days) pairs.Add(("expiring", Number(days)));
        if (filter.Expired) pairs.Add(("expired", "1"));
        if (page > 1) pairs.Add(("page", Number(page)));
        if (size != DefaultPageSize) pairs.Add(("size", Number(size)));
        if (pairs.Count == 0) return "";

        var sb = new StringBuilder();
        foreach (var (key, value) in pairs)
        {
            sb.Append(sb.Length == 0 ? '?' : '&').Append(key).Append('=').Append(Uri.EscapeDataString(value));
        }
        return sb.ToString();
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static bool IsOn(string? flag) => flag is not null && (flag.Equals("true", StringComparison.OrdinalIgnoreCase) || flag == "1");

    private static int? PositiveNumber(string? text) =>
        PersianDigits.TryParseNumber(text, out var n) && n is > 0 and <= int.MaxValue ? (int)n : null;

    // Names only: Enum.TryParse alone would also take «7» for a value that does not exist.
    private static TEnum? EnumName<TEnum>(string? text) where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Select(v => (TEnum?)v)
            .FirstOrDefault(v => string.Equals(v.ToString(), text?.Trim(), StringComparison.OrdinalIgnoreCase));
}
