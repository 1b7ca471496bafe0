using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SlaAdmin.Auth;
using SlaAdmin.Data.Entities;
using SlaAdmin.Features.Agreements;
using SlaAdmin.Features.Agreements.Editing;
using SlaAdmin.Tests.TestSupport;

namespace SlaAdmin.Tests.Features.Agreements.Editing;

public class AgreementEditPageTests : EditingTestContext
{
    private const string NewText = "سازمان متعهد می‌شود هر درخواست کامل را ظرف ۷۲ ساعت پاسخ دهد.";

    private static void EditProviderObligation(IRenderedComponent<AgreementEditPage> page, int index, string text) =>
        page.FindAll("[data-testid=obligations-editor-Provider] [data-testid=obligation-row]")[index].QuerySelector("textarea")!.Change(text);

    private int SavesOf(int agreementId)
    {
        using var db = NewDbContext();
        return db.History.Count(h => h.AgreementId == agreementId);
    }

    private async Task<AgreementContent> WorkingAsync(int agreementId) => (await Editor.LoadWorkingAsync(agreementId))!.Content;

    [Fact]
    public async Task Prerendered_the_editor_reads_nothing_and_offers_no_field_until_its_circuit_is_live()
    {
        var id = await DraftOfAsync(Seeded.Certificate);

        AssertPrerenderWaitsForTheCircuit<AgreementEditPage>(p => p.Add(x => x.Id, id));
    }

    [Fact]
    public async Task An_agreement_without_a_working_version_offers_a_draft_from_the_version_in_force()
    {
        await SeedAsync();
        var id = AgreementId(Seeded.Certificate);
        var page = OpenEditor(id);

        page.Find("[data-testid=start-draft]").Click();

        page.WaitForAssertion(() => Assert.Contains("نسخه ۲، پیش‌نویس", page.Find("[data-testid=version-status]").TextContent, StringComparison.Ordinal));
        Assert.Equal(1, (await Services.GetRequiredService<AgreementStore>().LoadAsync(id))!.InForceNumber);
    }

    [Fact]
    public async Task Save_stores_once_when_pressed_twice_while_saving()
    {
        var id = await DraftOfAsync(Seeded.Certificate);
        var page = OpenEditor(id);
        EditProviderObligation(page, 0, NewText);

        Gate.Close();
        var first = page.Find("[data-testid=save]").ClickAsync(new MouseEventArgs());
        var again = page.Find("[data-testid=save]");
        Assert.True(again.HasAttribute("disabled"));
        var second = again.ClickAsync(new MouseEventArgs());
        Gate.Open();
        await Task.WhenAll(first, second);

        page.WaitForAssertion(() => Assert.Contains("ذخیره شد", page.Find("[data-testid=edit-message]").TextContent, StringComparison.Ordinal));
        Assert.Equal(1, SavesOf(id));
        Assert.Equal(NewText, (await WorkingAsync(id)).ObligationsOf(ObligationSide.Provider).First().Text);
    }

    [Fact]
    public async Task Leaving_with_unsaved_changes_asks_first()
    {
        var id = await DraftOfAsync(Seeded.Certificate);
        var page = OpenEditor(id);
        Assert.False(page.FindComponent<NavigationLock>().Instance.ConfirmExternalNavigation);

        EditProviderObligation(page, 0, NewText);

        Assert.True(page.FindComponent<NavigationLock>().Instance.ConfirmExternalNavigation);
        Assert.True(page.FindComponent<NavigationLock>().Instance.OnBeforeInternalNavigation.HasDelegate);
        Assert.NotEmpty(page.FindAll("[data-testid=unsaved]"));
    }

    [Fact]
    public async Task Removing_a_section_renumbers_the_following_headings_and_the_clause_count_sentence()
    {
        var id = await DraftOfAsync(Seeded.Certificate);
        var page = OpenEditor(id);
        Assert.Equal("این توافقنامه در نه بند تدوین شده است.", page.Find("[data-testid=clause-count]").TextContent.Trim());
        Assert.StartsWith("۶.", page.Find("[data-testid=section-Costs] h2").TextContent.Trim(), StringComparison.Ordinal);

        page.Find("[data-testid=section-Data] [data-testid=remove-section]").Click();
        Confirm("برداشتن");

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=section-Data]")));
        Assert.StartsWith("۵.", page.Find("[data-testid=section-Costs] h2").TextContent.Trim(), StringComparison.Ordinal);
        Assert.StartsWith("۸.", page.Find("[data-testid=section-Termination] h2").TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("این توافقنامه در هشت بند تدوین شده است.", page.Find("[data-testid=clause-count]").TextContent.Trim());
    }

    [Fact]
    public async Task A_save_after_someone_elses_shows_their_changes_and_reapplying_keeps_both()
    {
        var id = await DraftOfAsync(Seeded.Certificate);
        var page = OpenEditor(id);
        var loaded = (await Editor.LoadWorkingAsync(id))!;
        var second = loaded.Content.ObligationsOf(ObligationSide.Provider).ElementAt(1);
        const string TheirText = "سازمان متعهد می‌شود تنها مدارک فهرست‌شده را بخواهد.";
        var theirs = await Editor.SaveAsync(id, loaded.Content, loaded.Stamp, loaded.Content with
        {
            Obligations = [.. loaded.Content.Obligations.Select(o => o.Clause == second.Clause ? o with { Text = TheirText } : o)],
        }, Administrator("مریم کارشناس"));
        Assert.True(theirs.Succeeded, theirs.Message);

        EditProviderObligation(page, 0, NewText);
        page.Find("[data-testid=save]").Click();

        var conflict = page.WaitForElement("[data-testid=conflict]");
        Assert.Contains("مریم کارشناس", conflict.TextContent, StringComparison.Ordinal);
        Assert.Contains(TheirText, conflict.QuerySelector("[data-testid=their-changes]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("۱۴۰۳/۱۰/۱۱", conflict.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, SavesOf(id));

        page.Find("[data-testid=reapply]").Click();
        page.Find("[data-testid=save]").Click();

        page.WaitForAssertion(() => Assert.Contains("ذخیره شد", page.Find("[data-testid=edit-message]").TextContent, StringComparison.Ordinal));
        var texts = (await WorkingAsync(id)).ObligationsOf(ObligationSide.Provider).Select(o => o.Text).ToList();
        Assert.Equal(NewText, texts[0]);
        Assert.Equal(TheirText, texts[1]);
    }

    [Fact]
    public async Task A_viewer_pressing_save_is_refused_in_persian_and_nothing_is_stored()
    {
        var id = await DraftOfAsync(Seeded.Certificate);
        var before = await WorkingAsync(id);
        Authorization.SetRoles(Roles.Viewer);
        var page = OpenEditor(id);

        EditProviderObligation(page, 0, NewText);
        page.Find("[data-testid=save]").Click();

        page.WaitForAssertion(() => Assert.Contains("«مدیر سامانه»", page.Find("[data-testid=edit-message]").TextContent, StringComparison.Ordinal));
        Assert.Equal(before, await WorkingAsync(id));
        Assert.Equal(0, SavesOf(id));
    }

    [Fact]
    public async Task A_problem_is_shown_beside_the_row_and_in_the_summary_and_nothing_is_saved()
    {
        var id = await DraftOfAsync(Seeded.Certificate);
        var page = OpenEditor(id);

        EditProviderObligation(page, 2, "   ");

        Assert.Contains("متن تعهد را بنویسید.", page.FindAll("[data-testid=obligations-editor-Provider] [data-testid=obligation-row]")[2].TextContent, StringComparison.Ordinal);
        Assert.Contains("تعهد سازمان، ردیف ۳", page.Find("[data-testid=problems]").TextContent, StringComparison.Ordinal);
        page.Find("[data-testid=save]").Click();
        page.WaitForAssertion(() => Assert.Contains("خطاها را درست کنید", page.Find("[data-testid=edit-message]").TextContent, StringComparison.Ordinal));
        Assert.Equal(0, SavesOf(id));
    }

    [Fact]
    public async Task A_saved_draft_is_sent_to_legal_review_and_once_approved_is_published_after_confirmation()
    {
        var id = await DraftOfAsync(Seeded.Certificate);
        var page = OpenEditor(id);
        EditProviderObligation(page, 0, NewText);
        // A draft nobody approved is not offered for publishing, and goes to review only once saved.
        Assert.Empty(page.FindAll("[data-testid=publish]"));
        Assert.True(page.Find("[data-testid=submit]").HasAttribute("disabled"));

        page.Find("[data-testid=save]").Click();
        page.WaitForAssertion(() => Assert.False(page.Find("[data-testid=submit]").HasAttribute("disabled")));
        page.Find("[data-testid=submit]").Click();
        Confirm("ارسال");
        page.WaitForAssertion(() => Assert.Contains("نسخه ۲ برای بررسی حقوقی فرستاده شد.", page.Find("[data-testid=edit-message]").TextContent, StringComparison.Ordinal));
        Assert.Contains("در بررسی حقوقی است", page.Find("[data-testid=in-review]").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=save]"));
        Assert.Equal(AgreementStatus.InReview, (await Editor.LoadWorkingAsync(id))!.Status);

        var legal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "کارشناس"), new Claim(ClaimTypes.Role, Roles.LegalReviewer)], "test"));
        var review = Services.GetRequiredService<SlaAdmin.Features.Review.LegalReview>();
        Assert.True((await review.ApproveAsync(id, (await Editor.LoadWorkingAsync(id))!.Stamp, null, legal)).Succeeded);
        page = OpenEditor(id);
        Assert.Empty(page.FindAll("[data-testid=submit]"));
        page.WaitForAssertion(() => Assert.False(page.Find("[data-testid=publish]").HasAttribute("disabled")));
        page.Find("[data-testid=publish]").Click();
        Confirm("انتشار");

        page.WaitForAssertion(() => Assert.EndsWith($"/agreements/{id}", Navigation.Uri, StringComparison.Ordinal));
        var view = (await Services.GetRequiredService<AgreementStore>().LoadAsync(id))!;
        Assert.Equal(2, view.InForceNumber);
        Assert.Equal(NewText, view.Content.ObligationsOf(ObligationSide.Provider).First().Text);
    }

    [Fact]
    public async Task Where_the_setting_allows_publishing_without_approval_a_saved_draft_is_offered_for_publishing()
    {
        Services.AddSingleton<IConfiguration>(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [AgreementLifecycle.DirectPublishSetting] = "true" }).Build());
        var id = await DraftOfAsync(Seeded.Certificate);
        var page = OpenEditor(id);

        Assert.Empty(page.FindAll("[data-testid=submit]"));
        page.Find("[data-testid=publish]").Click();
        Confirm("انتشار");

        page.WaitForAssertion(() => Assert.EndsWith($"/agreements/{id}", Navigation.Uri, StringComparison.Ordinal));
        Assert.Equal(2, (await Services.GetRequiredService<AgreementStore>().LoadAsync(id))!.InForceNumber);
    }

    [Fact]
    public async Task Discarding_the_draft_after_confirmation_leaves_the_version_in_force_as_it_was()
    {
        var id = await DraftOfAsync(Seeded.Certificate);
        var page = OpenEditor(id);

        page.Find("[data-testid=discard]").Click();
        Confirm("کنار گذاشتن");

        page.WaitForAssertion(() => Assert.EndsWith($"/agreements/{id}", Navigation.Uri, StringComparison.Ordinal));
        Assert.Null(await Editor.LoadWorkingAsync(id));
        Assert.Equal(1, (await Services.GetRequiredService<AgreementStore>().LoadAsync(id))!.InForceNumber);
    }

    [Fact]
    public async Task A_service_without_an_agreement_gets_one_from_the_template_and_its_editor_opens()
    {
        await SeedAsync();
        await AddServiceAsync("ثبت نام آزمون ملی", Seeded.Ito);
        var serviceId = ServiceId("ثبت نام آزمون ملی");

        RenderPage<NewAgreementPage>(p => p.Add(x => x.ServiceId, serviceId));

        int agreementId;
        await using (var db = NewDbContext()) agreementId = db.Agreements.Single(a => a.EServiceId == serviceId).Id;
        Assert.EndsWith($"/agreements/{agreementId}/edit", Navigation.Uri, StringComparison.Ordinal);
        Assert.Equal(1, (await Editor.LoadWorkingAsync(agreementId))!.Number);
    }

    [Fact]
    public async Task A_version_in_review_is_shown_read_only_with_a_notice()
    {
        var id = await DraftOfAsync(Seeded.Certificate);
        await using (var db = NewDbContext())
        {
            var agreement = db.Agreements.Single(a => a.Id == id);
            db.AgreementVersions.Single(v => v.Id == agreement.WorkingVersionId).Status = AgreementStatus.InReview;
            await db.SaveChangesAsync();
        }

        var page = OpenEditor(id);

        Assert.NotEmpty(page.FindAll("[data-testid=in-review]"));
        Assert.Empty(page.FindAll("[data-testid=save]"));
        Assert.Empty(page.FindAll("[data-testid=remove-section]"));
        Assert.All(page.FindAll("textarea"), t => Assert.True(t.HasAttribute("readonly")));
    }
}

public class AgreementAdminBarTests : EditingTestContext
{
    [Theory]
    [InlineData(true, 1)]
    [InlineData(false, 0)]
    public async Task The_agreement_page_offers_editing_only_under_the_edit_policy(bool canEdit, int links)
    {
        await SeedAsync();
        if (canEdit) Authorization.SetPolicies(Policies.CanEdit);
        else Authorization.SetRoles(Roles.Viewer);
        var id = AgreementId(Seeded.Certificate);

        var page = RenderPage<AgreementPage>(p => p.Add(x => x.Id, id));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("section.agreement-section")));

        var edit = page.FindAll("[data-testid=edit-agreement]");
        Assert.Equal(links, edit.Count);
        if (links == 1) Assert.Equal($"/agreements/{id}/edit", edit[0].GetAttribute("href"));
    }
}
