using System.Collections;
using System.Globalization;
using System.Resources;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using MudBlazor;
using SlaAdmin.Components;
using SlaAdmin.Tests.TestSupport;

namespace SlaAdmin.Tests.Components;

public class PersianMudLocalizerTests : PageTestContext
{
    [Fact]
    public void Every_text_of_mudblazor_has_a_persian_translation()
    {
        var resources = new ResourceManager("MudBlazor.Resources.LanguageResource", typeof(MudLocalizer).Assembly);
        var keys = resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: true)!
            .Cast<DictionaryEntry>().Select(e => (string)e.Key).ToList();

        Assert.True(keys.Count > 100, $"only {keys.Count} keys found");
        Assert.Equal([], keys.Except(PersianMudLocalizer.Texts.Keys).Order());
        Assert.Equal([], PersianMudLocalizer.Texts.Keys.Except(keys).Order()); // no stale keys either
    }

    [Fact]
    public void Unknown_keys_are_reported_as_not_found_so_mudblazor_falls_back()
    {
        var text = new PersianMudLocalizer()["NoSuchKey"];
        Assert.True(text.ResourceNotFound);
    }

    [Fact]
    public void The_data_grid_column_menu_and_pager_speak_persian()
    {
        // As in the app (UiSetup): MudBlazor asks the localizer only when the UI culture is not English.
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fa-IR");
        var grid = RenderPage<SortableGrid>();

        var pager = grid.Find(".mud-table-pagination").TextContent;
        Assert.Contains("ردیف در هر صفحه:", pager, StringComparison.Ordinal);
        Assert.Contains("1 تا 3 از 3", pager, StringComparison.Ordinal);
        Assert.Contains(grid.FindAll("button[aria-label]"), b => b.GetAttribute("aria-label") == "صفحهٔ بعد");
        Assert.Contains(grid.FindAll("button[aria-label]"), b => b.GetAttribute("aria-label") == "صفحهٔ آخر");

        Assert.Equal("مرتب‌سازی", grid.Find("button.sort-direction-icon").GetAttribute("aria-label"));
        var options = grid.Find("button[aria-haspopup=menu]");
        Assert.Equal("گزینه‌های ستون", options.GetAttribute("aria-label"));
        options.Click();
        var menu = Popovers!.Markup;
        Assert.Contains("برداشتن مرتب‌سازی", menu, StringComparison.Ordinal);
        Assert.Contains("پنهان کردن", menu, StringComparison.Ordinal);
        Assert.Contains("گروه‌بندی", menu, StringComparison.Ordinal);

        foreach (var english in new[] { "Unsort", "Sort", "Hide", "Group", "Filter", "Rows per page", " of ", "Next page", "Column options" })
        {
            Assert.DoesNotContain(english, grid.Markup, StringComparison.Ordinal);
            Assert.DoesNotContain(english, Popovers.Markup, StringComparison.Ordinal);
        }
    }

    private sealed record Row(string Name);

    private sealed class SortableGrid : ComponentBase
    {
        private static readonly Row[] Rows = [new("الف"), new("ب"), new("پ")];

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenComponent<MudDataGrid<Row>>(0);
            builder.AddComponentParameter(1, nameof(MudDataGrid<Row>.Items), Rows);
            builder.AddComponentParameter(2, nameof(MudDataGrid<Row>.ShowColumnOptions), true);
            builder.AddComponentParameter(3, nameof(MudDataGrid<Row>.Hideable), true);
            builder.AddComponentParameter(4, nameof(MudDataGrid<Row>.Groupable), true);
            builder.AddComponentParameter(5, nameof(MudDataGrid<Row>.Columns), (RenderFragment)(columns =>
            {
                columns.OpenComponent<PropertyColumn<Row, string>>(0);
                columns.AddComponentParameter(1, nameof(PropertyColumn<Row, string>.Property), (System.Linq.Expressions.Expression<Func<Row, string>>)(r => r.Name));
                columns.AddComponentParameter(2, nameof(PropertyColumn<Row, string>.Title), "نام");
                columns.AddComponentParameter(3, nameof(PropertyColumn<Row, string>.Sortable), true);
                columns.CloseComponent();
            }));
            builder.AddComponentParameter(6, nameof(MudDataGrid<Row>.PagerContent), (RenderFragment)(pager =>
            {
                pager.OpenComponent<MudDataGridPager<Row>>(0);
                pager.CloseComponent();
            }));
            builder.CloseComponent();
        }
    }
}
