using System.Security.Claims;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Extensions;
using SlaAdmin.Auth;
using SlaAdmin.Components.Shared;
using SlaAdmin.Data.Entities;
using SlaAdmin.Features.Catalogue;
using SlaAdmin.Features.History;
using SlaAdmin.Tests.TestSupport;
using SlaAdmin.Vocabulary;

namespace SlaAdmin.Tests.Features.Catalogue;

public class ServiceEditPageTests : PageTestContext
{
    private IRenderedComponent<MudDialogProvider>? dialogProvider;

    /// <summary>Where dialogs render, once a page has been opened.</summary>
    private IRenderedComponent<MudDialogProvider> Dialogs => dialogProvider ?? throw new InvalidOperationException("Open a page first.");

    private void SignInAsAdministrator()
    {
        Authorization.SetRoles(Roles.Administrator);
        Authorization.SetPolicies(Policies.CanEdit);
    }

    private IRenderedComponent<ServiceEditPage> OpenNew()
    {
        var page = RenderPage<ServiceEditPage>();
        dialogProvider = Render<MudDialogProvider>();
        page.WaitForAssertion(() => page.Find("[data-testid=save]"));
        return page;
    }

    private IRenderedComponent<ServiceEditPage> OpenEdit(int id)
    {
        var page = RenderPage<ServiceEditPage>(p => p.Add(x => x.Id, id));
        dialogProvider = Render<MudDialogProvider>();
        page.WaitForAssertion(() => page.Find("[data-testid=save]"));
        return page;
    }

    [Fact]
    public async Task Prerendered_the_card_reads_nothing_and_offers_no_field_until_its_circuit_is_live()
    {
        await SeedAsync();
        SignInAsAdministrator();
        var id = ServiceId(Seeded.Certificate);

        AssertPrerenderWaitsForTheCircuit<ServiceEditPage>(p => p.Add(x => x.Id, id));
    }

    private static void Type(IRenderedComponent<ServiceEditPage> page, string testId, string text) =>
        page.Find($"[data-testid={testId}]").Change(text);

    /// <summary>Picks the provider as the autocomplete reports a choice to the page.</summary>
    private async Task PickProviderAsync(IRenderedComponent<ServiceEditPage> page, string name)
    {
        var autocomplete = page.FindComponent<MudAutocomplete<OrganizationOption>>();
        var option = (await Services.GetRequiredService<ServiceEditor>().OrganizationsAsync()).Single(o => o.Name == name);
        await page.InvokeAsync(() => autocomplete.Instance.ValueChanged.InvokeAsync(option));
    }

    private static async Task SaveAsync(IRenderedComponent<ServiceEditPage> page) =>
        await page.Find("[data-testid=save]").ClickAsync(new());

    private static ClaimsPrincipal OtherAdministrator(string name) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, Roles.Administrator)], "test"));

    [Fact]
    public async Task An_identifier_typed_in_persian_digits_is_shown_understood_and_saved_in_latin_digits()
    {
        await SeedAsync();
        SignInAsAdministrator();
        var page = OpenNew();

        Type(page, "title", "ثبت درخواست مجوز آزمایشی");
        page.Find("[data-testid=national-id]").Input("۱۲۳ ۴۵۶ ۷۸۹۰۱");
        await PickProviderAsync(page, Seeded.Ito);

        var understood = page.Find("[data-testid=national-id-understood]").TextContent;
        Assert.Contains("12345678901", understood, StringComparison.Ordinal);
        Assert.Contains("۱۲۳۴۵۶۷۸۹۰۱", understood, StringComparison.Ordinal);
        await SaveAsync(page);

        await using var db = NewDbContext();
        var saved = await db.Services.SingleAsync(s => s.Title == "ثبت درخواست مجوز آزمایشی");
        Assert.Equal("12345678901", saved.NationalId);
        Assert.EndsWith($"/services/{saved.Id}", Navigation.Uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_identifier_is_reported_next_to_its_field_and_in_the_summary_and_nothing_is_saved()
    {
        await SeedAsync();
        SignInAsAdministrator();
        var page = OpenNew();

        Type(page, "title", "خدمت با شناسه کوتاه");
        page.Find("[data-testid=national-id]").Input("۱۲۳۴");
        await PickProviderAsync(page, Seeded.Ito);
        await SaveAsync(page);

        var expected = "شناسه ملی خدمت ۱۱ رقم است، اما «۱۲۳۴» ۴ رقم دارد.";
        page.WaitForAssertion(() => Assert.Contains(expected, page.Find("[data-testid=error-summary]").TextContent, StringComparison.Ordinal));
        var field = page.Find("[data-testid=national-id]").Closest(".mud-input-control")!;
        Assert.Contains(expected, field.TextContent, StringComparison.Ordinal);
        await using var db = NewDbContext();
        Assert.False(await db.Services.AnyAsync(s => s.Title == "خدمت با شناسه کوتاه"));
    }

    [Fact]
    public async Task An_organization_added_from_the_dialog_becomes_the_provider()
    {
        await SeedAsync();
        SignInAsAdministrator();
        var page = OpenNew();

        // Click, not ClickAsync: the handler awaits the dialog this test is about to fill.
        page.Find("[data-testid=add-organization]").Click();
        Dialogs.WaitForAssertion(() => Dialogs.Find("[data-testid=organization-name]"));
        Dialogs.Find("[data-testid=organization-name]").Input("شرکت خدمات انفورماتیک آزمایشی");
        await Dialogs.Find("[data-testid=organization-add]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal("شرکت خدمات انفورماتیک آزمایشی",
            page.FindComponent<MudAutocomplete<OrganizationOption>>().Instance.GetState(x => x.Value)?.Name));
        Assert.Empty(Dialogs.FindAll("[data-testid=organization-name]"));
        await using var db = NewDbContext();
        Assert.True(await db.Organizations.AnyAsync(o => o.Name == "شرکت خدمات انفورماتیک آزمایشی"));
    }

    [Fact]
    public async Task A_conflict_lists_the_other_persons_change_and_reapplying_keeps_both()
    {
        await SeedAsync();
        SignInAsAdministrator();
        var id = ServiceId(Seeded.Certificate);
        var page = OpenEdit(id);

        // Someone else saves the definition after this page opened.
        var editor = Services.GetRequiredService<ServiceEditor>();
        var (theirs, theirStamp, _) = (await editor.LoadAsync(id))!.Value;
        var other = await editor.UpdateAsync(id, theirs, theirStamp, theirs with { Definition = "صدور گواهی برای نرم‌افزارهای اداری" }, OtherAdministrator("مریم رضایی"));
        Assert.True(other.Succeeded, other.Message);

        Type(page, "provider-unit", "معاونت توسعه دولت هوشمند");
        await SaveAsync(page);

        page.WaitForAssertion(() => page.Find("[data-testid=conflict]"));
        var panel = page.Find("[data-testid=conflict]").TextContent;
        Assert.Contains("مریم رضایی", panel, StringComparison.Ordinal);
        Assert.Contains("۱۴۰۳/۱۰/۱۱", panel, StringComparison.Ordinal);
        Assert.Contains("۱۲:۳۰", panel, StringComparison.Ordinal); // 09:00 UTC in Tehran
        var change = Assert.Single(page.FindAll("[data-testid=their-change]")).TextContent;
        Assert.Contains("تعریف خدمت", change, StringComparison.Ordinal);
        Assert.Contains("صدور گواهی برای نرم‌افزارهای اداری", change, StringComparison.Ordinal);
        Assert.Contains("—", change, StringComparison.Ordinal);

        await page.Find("[data-testid=reapply]").ClickAsync(new());
        await SaveAsync(page);

        await using var db = NewDbContext();
        var saved = await db.Services.SingleAsync(s => s.Id == id);
        Assert.Equal("صدور گواهی برای نرم‌افزارهای اداری", saved.Definition);
        Assert.Equal("معاونت توسعه دولت هوشمند", saved.ProviderUnit);
    }

    [Fact]
    public async Task Unknown_choices_save_as_null_and_the_service_page_says_unknown()
    {
        await SeedAsync();
        SignInAsAdministrator();
        var id = ServiceId(Seeded.Certificate);
        var page = OpenEdit(id);

        await page.Find("[data-testid=types-unknown]").ChangeAsync(new() { Value = true });
        page.FindAll("[data-testid=level] input[type=radio]")[0].Click();
        await SaveAsync(page);

        await using (var db = NewDbContext())
        {
            var saved = await db.Services.SingleAsync(s => s.Id == id);
            Assert.Null(saved.Types);
            Assert.Null(saved.Level);
        }
        // The service page words a null as «نامشخص» (Labels.Of); the reopened editor ticks «نامشخص» again.
        Assert.Equal(Unknown.Text, Labels.Of((ServiceLevel?)null));
        var reopened = OpenEdit(id);
        Assert.True(reopened.FindAll("[data-testid=level] input[type=radio]")[0].HasAttribute("checked"));
        Assert.True(reopened.Find("[data-testid=types-unknown]").HasAttribute("checked"));
    }

    [Fact]
    public void The_history_list_shows_jalali_times_in_tehran_newest_first_with_persian_digits()
    {
        IReadOnlyList<HistoryEntry> entries =
        [
            new(new DateTimeOffset(2024, 12, 30, 20, 45, 0, TimeSpan.Zero), "admin", ChangeSubject.Service, null, "واحد ارائه‌دهنده", null, "معاونت فنی"),
            new(new DateTimeOffset(2025, 1, 5, 6, 5, 0, TimeSpan.Zero), "مریم رضایی", ChangeSubject.Service, null, "تعریف خدمت", "تعریف نخست", null),
        ];

        var list = Render<HistoryList>(p => p.Add(x => x.Entries, entries));

        var rows = list.FindAll("[data-testid=history-entry]").Select(r => r.TextContent).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains("۱۴۰۳/۱۰/۱۶، ساعت ۰۹:۳۵", rows[0], StringComparison.Ordinal);
        Assert.Contains("مریم رضایی", rows[0], StringComparison.Ordinal);
        Assert.Contains("—", rows[0], StringComparison.Ordinal);
        Assert.Contains("۱۴۰۳/۱۰/۱۱، ساعت ۰۰:۱۵", rows[1], StringComparison.Ordinal); // after midnight in Tehran, still the 30th in UTC
        Assert.DoesNotMatch("[0-9]", rows[0] + rows[1]);
    }

    [Fact]
    public async Task A_viewer_sees_no_edit_controls_beside_the_service_title()
    {
        await SeedAsync();
        var id = ServiceId(Seeded.Certificate);

        var bar = RenderPage<ServiceAdminBar>(p => p.Add(x => x.ServiceId, id));

        bar.WaitForAssertion(() => bar.Find("[data-testid=service-admin-bar]"));
        Assert.Empty(bar.FindAll("[data-testid=edit-link]"));
        Assert.Empty(bar.FindAll("[data-testid=new-service]"));
    }

    [Fact]
    public async Task An_administrator_sees_the_edit_link_and_a_new_service_link_beside_the_title()
    {
        await SeedAsync();
        SignInAsAdministrator();
        var id = ServiceId(Seeded.Certificate);

        var bar = RenderPage<ServiceAdminBar>(p => p.Add(x => x.ServiceId, id));

        bar.WaitForAssertion(() => Assert.Equal($"/services/{id}/edit", bar.Find("[data-testid=edit-link]").GetAttribute("href")));
        Assert.Equal("/services/new", bar.Find("[data-testid=new-service]").GetAttribute("href"));
    }

    [Fact]
    public async Task A_viewer_who_reaches_the_save_handler_is_refused_in_persian_and_nothing_is_stored()
    {
        await SeedAsync();
        var page = OpenNew();
        Type(page, "title", "خدمت جعلی");
        await PickProviderAsync(page, Seeded.Ito);

        await SaveAsync(page);

        page.WaitForAssertion(() => Assert.Contains("«مدیر سامانه»", page.Find("[data-testid=message]").TextContent, StringComparison.Ordinal));
        await using var db = NewDbContext();
        Assert.False(await db.Services.AnyAsync(s => s.Title == "خدمت جعلی"));
    }

    [Fact]
    public async Task A_retired_service_says_so_with_its_date_on_the_service_page()
    {
        await SeedAsync();
        SignInAsAdministrator();
        var id = ServiceId(Seeded.Certificate);
        var page = OpenEdit(id);

        page.Find("[data-testid=retire]").Click();
        Dialogs.WaitForAssertion(() => Dialogs.FindAll("button").Single(b => b.TextContent.Contains("بازنشسته شود", StringComparison.Ordinal)));
        await Dialogs.FindAll("button").Single(b => b.TextContent.Contains("بازنشسته شود", StringComparison.Ordinal)).ClickAsync(new());

        page.WaitForAssertion(() => Assert.EndsWith($"/services/{id}", Navigation.Uri, StringComparison.Ordinal));
        var bar = Render<ServiceAdminBar>(p => p.Add(x => x.ServiceId, id));
        bar.WaitForAssertion(() => Assert.Contains("بازنشسته از ۱۴۰۳/۱۰/۱۱", bar.Find("[data-testid=retired]").TextContent, StringComparison.Ordinal));
        await using var db = NewDbContext();
        Assert.True(await db.Services.AnyAsync(s => s.Id == id && s.RetiredAt != null));
    }
}
