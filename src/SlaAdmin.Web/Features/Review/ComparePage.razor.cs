using Microsoft.AspNetCore.Components;
using MudBlazor;
using SlaAdmin.Data.Entities;
using SlaAdmin.Features.Agreements;
using SlaAdmin.Persian;
using SlaAdmin.Vocabulary;

namespace SlaAdmin.Features.Review;

public partial class ComparePage
{
    [Parameter] public int Id { get; set; }

    /// <summary>The older version's number; absent, the version before <see cref="To"/>.</summary>
    [SupplyParameterFromQuery] public int? From { get; set; }

    /// <summary>The newer version's number; absent, the latest version.</summary>
    [SupplyParameterFromQuery] public int? To { get; set; }

    private IReadOnlyList<VersionSummary> versions = [];
    private AgreementView? before, after;
    private IReadOnlyList<SectionComparison> sections = [];
    private int fromNumber, toNumber;
    private bool loading = true, showUnchanged;
    private List<BreadcrumbItem> breadcrumbs = [];

    private int FoldedCount => sections.Count(s => s.Unchanged);

    // A version picked or a switch flipped before the circuit connects would go nowhere.
    private bool Prerendered => !RendererInfo.IsInteractive;

    protected override async Task OnParametersSetAsync()
    {
        loading = true;
        versions = await Store.VersionsAsync(Id);
        if (versions.Count > 0)
        {
            toNumber = To ?? versions[^1].Number;
            fromNumber = From ?? versions.LastOrDefault(v => v.Number < toNumber)?.Number ?? toNumber;
            before = fromNumber == toNumber ? null : await Store.LoadAsync(Id, fromNumber);
            after = fromNumber == toNumber ? null : await Store.LoadAsync(Id, toNumber);
            sections = before is null || after is null ? [] : VersionComparison.Compare(before.Content, after.Content);
            var title = (after ?? before)?.CatalogueTitle;
            breadcrumbs =
            [
                new("فهرست خدمات", "/catalogue"),
                new(title ?? "توافقنامه", $"/agreements/{Id}"),
                new("مقایسه نسخه‌ها", null, disabled: true),
            ];
        }
        loading = false;
    }

    private void ChooseFrom(int number) => Navigation.NavigateTo($"/agreements/{Id}/compare?from={number}&to={toNumber}");

    private void ChooseTo(int number) => Navigation.NavigateTo($"/agreements/{Id}/compare?from={fromNumber}&to={number}");

    private string VersionLabel(VersionSummary v) =>
        $"نسخه {PersianDigits.Format(v.Number)} — {Labels.StatusOf(v.Status, Validity.IsExpired(v.ValidUntil, TehranTime.Today(Clock)))}";

    /// <summary>«۴. تعهدات …», with the old number beside it when the section moved in the numbering.</summary>
    private static string SectionHeading(SectionComparison s)
    {
        var number = s.NumberAfter ?? s.NumberBefore;
        var heading = number is { } n ? $"{PersianDigits.Format(n)}. {s.Heading}" : s.Heading;
        return s.NumberBefore is { } was && s.NumberAfter is { } now && was != now ? $"{heading} (پیش‌تر بند {PersianDigits.Format(was)})" : heading;
    }
}
