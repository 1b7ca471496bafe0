using Bunit;
using SlaAdmin.Data.Entities;
using SlaAdmin.Features.Review;
using SlaAdmin.Persian;
using SlaAdmin.Tests.TestSupport;

namespace SlaAdmin.Tests.Features.Review;

public class ComparePageTests : PageTestContext
{
    private const string Reworded =
        "سازمان متعهد می‌شود به زمان اعلام شده در میز خدمت سازمان برای ارائه خدمت صدور گواهی، در صورت کامل بودن مدارک متقاضی، پایبند باشد.";

    /// <summary>Seeds, starts a draft of 000 changed by <paramref name="change"/>, and opens the comparison of the version in force with it.</summary>
    private async Task<IRenderedComponent<ComparePage>> CompareDraftAsync(Func<AgreementContent, AgreementContent> change)
    {
        await SeedAsync();
        var id = AgreementId(Seeded.Certificate);
        var draft = await StartDraftAsync(Seeded.Certificate, change);
        Navigation.NavigateTo($"/agreements/{id}/compare?from={draft - 1}&to={draft}");
        var page = RenderPage<ComparePage>(p => p.Add(x => x.Id, id));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=caption]")));
        return page;
    }

    private static AgreementContent ProviderObligations(AgreementContent content, Func<List<ObligationLine>, IEnumerable<ObligationLine>> change)
    {
        var provider = change(content.ObligationsOf(ObligationSide.Provider).ToList()).Select((o, i) => o with { Order = i + 1 });
        return content with { Obligations = [.. provider, .. content.ObligationsOf(ObligationSide.Recipient)] };
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_version_pickers_and_the_switch_take_input_only_once_the_page_is_live(bool live)
    {
        Interactive = live;
        var page = await CompareDraftAsync(c => Drafts.RewordFirstProviderObligation(c, Reworded));

        var pickers = page.FindAll("[data-testid=from], [data-testid=to]");
        Assert.Equal(2, pickers.Count);
        Assert.All(pickers, p => Assert.Equal(!live, p.GetAttribute("aria-disabled") == "true"));
        Assert.Equal(!live, page.Find("input[data-testid=show-unchanged]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task A_version_stored_past_the_limits_is_named_with_the_rows_the_comparison_leaves_out()
    {
        await SeedAsync();
        var id = AgreementId(Seeded.Certificate);
        var draft = await StartDraftAsync(Seeded.Certificate);
        await AddObligationsPastTheLimitAsync(id, draft);
        Navigation.NavigateTo($"/agreements/{id}/compare?from=1&to={draft}");

        var page = RenderPage<ComparePage>(p => p.Add(x => x.Id, id));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=caption]")));

        var notice = Assert.Single(page.FindAll("[data-testid=part-limit]")).TextContent;
        Assert.Contains("نسخه ۲ از حد ۵۰۰ ردیف در هر بخش بزرگ‌تر است", notice, StringComparison.Ordinal);
        Assert.Contains($"تعهدات: {PersianDigits.Format(1014)} ردیف ({PersianDigits.Format(514)} ردیف نشان داده نشده)", notice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reworded_obligation_shows_its_removed_words_struck_on_the_right_and_its_added_words_on_the_left()
    {
        var page = await CompareDraftAsync(c => Drafts.RewordFirstProviderObligation(c, Reworded));

        var row = Assert.Single(page.FindAll("[data-testid=compare-Obligations] [data-testid=row-Changed]"));
        var (right, left) = (row.QuerySelectorAll(".compare-cell.before").Single(), row.QuerySelectorAll(".compare-cell.after").Single());
        Assert.Contains("ارائه", right.QuerySelectorAll("del").Select(d => d.TextContent));
        Assert.Contains("اعلام", left.QuerySelectorAll("ins").Select(d => d.TextContent));
        Assert.Empty(right.QuerySelectorAll("ins"));
        Assert.Empty(left.QuerySelectorAll("del"));
        // The older version comes first in the markup, so it stands on the right of a right-to-left page.
        Assert.Contains("ستون راست", page.Find("[data-testid=caption]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_inserted_obligation_shows_one_added_row_and_nothing_else_changed()
    {
        var page = await CompareDraftAsync(c => ProviderObligations(c, list =>
        {
            list.Insert(2, new ObligationLine(Guid.NewGuid(), ObligationSide.Provider, 0, "سازمان متعهد می‌شود پاسخ هر درخواست را ظرف سه روز کاری بدهد.", null));
            return list;
        }));

        var added = Assert.Single(page.FindAll("[data-testid=row-Added]"));
        Assert.Contains("ظرف سه روز کاری", added.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=row-Changed]"));
        Assert.Empty(page.FindAll("[data-testid=row-Moved]"));
        Assert.Empty(page.FindAll("[data-testid=row-Removed]"));
    }

    [Fact]
    public async Task A_moved_obligation_shows_one_move_from_its_old_row_to_its_new_one()
    {
        var page = await CompareDraftAsync(c => ProviderObligations(c, list =>
        {
            var first = list[0];
            list.RemoveAt(0);
            list.Insert(2, first);
            return list;
        }));

        var moved = Assert.Single(page.FindAll("[data-testid=row-Moved]"));
        Assert.Contains("جابه‌جا شد: ردیف ۱ → ردیف ۳", moved.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=row-Changed]"));
    }

    [Fact]
    public async Task Edits_of_only_zero_width_non_joiners_and_arabic_yeh_show_no_change()
    {
        var page = await CompareDraftAsync(c => c with
        {
            Obligations = [.. c.Obligations.Select(o => o with { Text = o.Text.Replace("\u200c", "", StringComparison.Ordinal).Replace('ی', 'ي').Replace('ک', 'ك') })],
        });

        Assert.Empty(page.FindAll("section.compare-section"));
        page.Find("[data-testid=no-changes]");
    }

    [Fact]
    public async Task Unchanged_sections_are_folded_until_asked_for()
    {
        var page = await CompareDraftAsync(c => Drafts.RewordFirstProviderObligation(c, Reworded));

        Assert.Equal(["compare-Obligations"], page.FindAll("section.compare-section").Select(s => s.GetAttribute("data-testid")));
        Assert.Contains("مقدمه", page.Find("[data-testid=folded]").TextContent, StringComparison.Ordinal);

        page.Find("input[data-testid=show-unchanged], [data-testid=show-unchanged] input").Change(true);

        page.WaitForAssertion(() => Assert.True(page.FindAll("section.compare-section").Count > 5));
        Assert.Empty(page.FindAll("[data-testid=compare-Introduction] del, [data-testid=compare-Introduction] ins"));
    }

    [Fact]
    public async Task Without_numbers_the_page_compares_the_latest_version_with_the_one_before()
    {
        await SeedAsync();
        var id = AgreementId(Seeded.Certificate);
        await StartDraftAsync(Seeded.Certificate, c => Drafts.RewordFirstProviderObligation(c, Reworded));
        Navigation.NavigateTo($"/agreements/{id}/compare");

        var page = RenderPage<ComparePage>(p => p.Add(x => x.Id, id));

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=row-Changed]")));
    }

    [Fact]
    public async Task An_agreement_with_one_version_says_there_is_nothing_to_compare()
    {
        await SeedAsync();
        var id = AgreementId(Seeded.Certificate);
        Navigation.NavigateTo($"/agreements/{id}/compare");

        var page = RenderPage<ComparePage>(p => p.Add(x => x.Id, id));

        page.WaitForAssertion(() => Assert.Contains("یک نسخه بیشتر ندارد", page.Find("[data-testid=missing-version]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_version_list_links_each_version_to_a_comparison_with_the_one_before()
    {
        await SeedAsync();
        var id = AgreementId(Seeded.Certificate);
        var draft = await StartDraftAsync(Seeded.Certificate);

        var list = Render<VersionList>(p => p.Add(x => x.AgreementId, id));

        list.WaitForAssertion(() => Assert.Equal(2, list.FindAll("[data-testid=version-row]").Count));
        var link = list.Find("[data-testid=compare-link]");
        Assert.Equal($"/agreements/{id}/compare?from={draft - 1}&to={draft}", link.GetAttribute("href"));
        Assert.Contains("پیش‌نویس", list.FindAll("[data-testid=version-row]")[1].TextContent, StringComparison.Ordinal);
    }
}
