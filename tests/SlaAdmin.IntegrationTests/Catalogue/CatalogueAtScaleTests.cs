using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SlaAdmin.Auth;
using SlaAdmin.Data.Entities;
using SlaAdmin.Features.Agreements;
using SlaAdmin.Features.Catalogue;
using SlaAdmin.IntegrationTests.Agreements;

namespace SlaAdmin.IntegrationTests.Catalogue;

/// <summary>
/// What the catalogue keeps so it stays fast (the obligation count on each version, the trigram search
/// index, the Persian collation) gives the same answers as counting, scanning and sorting would, on both databases.
/// </summary>
public sealed class CatalogueAtScaleTests
{
    public static TheoryData<string> Providers => new() { TestDatabases.Sqlite, TestDatabases.PostgreSql };

    // In code-point order «پ», «چ», «ژ» and «گ» come after «ز» and «ک»; in the alphabet they do not.
    private static readonly string[] AlphabeticalTitles =
        ["آزمون ورودی", "بازرسی کالا", "پرداخت عوارض", "تمدید پروانه", "چاپ گذرنامه", "زمین شهری", "ژتون سوخت", "کارت ملی", "گواهی سلامت", "یارانه نان"];

    private static readonly string[] AlphabeticalProviders = ["اداره بنادر", "پست ملی", "چاپخانه دولتی", "ژئوفیزیک کشور", "گمرک ایران", "یگان حفاظت"];

    [Theory, MemberData(nameof(Providers))]
    public async Task Titles_providers_and_the_provider_list_sort_in_Persian_alphabetical_order(string provider)
    {
        using var app = await TestDatabases.StartAsync(provider);
        var (editor, catalogue, admin) = await ServicesAsync(app);
        var (ministry, _) = await editor.AddOrganizationAsync("وزارت ترتیب", OrganizationKind.GovernmentUnit, null, admin);
        var providers = new List<int>();
        foreach (var name in AlphabeticalProviders.Reverse())
        {
            var (created, error) = await editor.AddOrganizationAsync(name, OrganizationKind.ExecutiveAgency, ministry!.Id, admin);
            Assert.True(created is not null, error);
            providers.Add(created.Id);
        }
        foreach (var (title, i) in AlphabeticalTitles.Reverse().Select((t, i) => (t, i)))
        {
            var saved = await editor.CreateAsync(new ServiceForm { Title = title, ProviderId = providers[i % providers.Count] }, admin);
            Assert.True(saved.Succeeded, saved.Message);
        }

        var byTitle = await catalogue.SearchAsync(new CatalogueFilter(ProviderId: ministry!.Id), 1, 25);
        Assert.Equal(AlphabeticalTitles, byTitle.Rows.Select(r => r.Title));
        var descending = await catalogue.SearchAsync(new CatalogueFilter(ProviderId: ministry.Id, Descending: true), 1, 25);
        Assert.Equal(AlphabeticalTitles.Reverse(), descending.Rows.Select(r => r.Title));

        var byProvider = await catalogue.SearchAsync(new CatalogueFilter(ProviderId: ministry.Id, Sort: CatalogueSort.Provider), 1, 25);
        Assert.Equal(AlphabeticalProviders, byProvider.Rows.Select(r => r.ProviderName).Distinct());

        var list = (await catalogue.ProvidersAsync()).Select(p => p.Name).Where(AlphabeticalProviders.Contains);
        Assert.Equal(AlphabeticalProviders, list);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Search_finds_substrings_through_the_index_and_short_terms_by_scan_after_every_change(string provider)
    {
        using var app = await TestDatabases.StartAsync(provider);
        var (editor, catalogue, admin) = await ServicesAsync(app);
        var itoId = await IdAsync(app, db => db.Organizations.Where(o => o.Name == "سازمان فناوری اطلاعات ایران").Select(o => o.Id));
        var created = await editor.CreateAsync(new ServiceForm { Title = "صدور مجوز پژوهشی آزمایشگاه", ProviderId = itoId }, admin);
        Assert.True(created.Succeeded, created.Message);
        var id = created.ServiceId!.Value;

        async Task<IReadOnlyList<string>> Found(string term) =>
            (await catalogue.SearchAsync(new CatalogueFilter(Search: term), 1, 100)).Rows.Select(r => r.Title).ToList();

        Assert.Equal(["صدور مجوز پژوهشی آزمایشگاه"], await Found("ژوهش"));          // inside a word, through the trigrams
        Assert.Equal(["صدور مجوز پژوهشی آزمایشگاه"], await Found("پژوهشي آزما"));    // Arabic yeh, across a space
        Assert.Contains("صدور مجوز پژوهشی آزمایشگاه", await Found("ژو"));             // two letters: scanned
        Assert.Contains("صدور مجوز پژوهشی آزمایشگاه", await Found("ژ"));
        Assert.Empty(await Found("ژوهشکده"));
        Assert.Empty(await Found("\"ژوهش\""));                                       // quotes are text, not FTS syntax
        Assert.Contains("صدور مجوز پژوهشی آزمایشگاه", await Found("سازمان فناوری")); // through its provider's name

        var loaded = (await editor.LoadAsync(id))!.Value;
        var renamed = await editor.UpdateAsync(id, loaded.Form, loaded.Stamp, loaded.Form with { Title = "صدور مجوز آموزشی کارگاه" }, admin);
        Assert.True(renamed.Succeeded, renamed.Message);
        Assert.Empty(await Found("ژوهش"));
        Assert.Equal(["صدور مجوز آموزشی کارگاه"], await Found("وزشی کارگ"));

        var again = (await editor.LoadAsync(id))!.Value;
        Assert.True((await editor.RetireAsync(id, again.Stamp, admin)).Succeeded);
        Assert.Empty(await Found("وزشی کارگ"));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Stored_obligation_counts_stay_right_after_seeding_editing_publishing_and_discarding(string provider)
    {
        using var app = await TestDatabases.StartAsync(provider);
        var (_, catalogue, admin) = await ServicesAsync(app);
        await AssertStoredObligationCountsAsync(app);

        var scope = app.Services.CreateScope();
        var lifecycle = scope.ServiceProvider.GetRequiredService<AgreementLifecycle>();
        var agreementEditor = scope.ServiceProvider.GetRequiredService<AgreementEditor>();
        var agreementId = await IdAsync(app, db => db.Agreements.Where(a => a.EService.Title == "صدور گواهی احراز اصالت و سلامت اداری").Select(a => a.Id));

        Assert.True((await lifecycle.StartDraftAsync(agreementId, admin)).Succeeded);
        await AssertStoredObligationCountsAsync(app);

        // Two obligations removed and one added in one save.
        var draft = (await agreementEditor.LoadWorkingAsync(agreementId))!;
        var kept = draft.Content.Obligations.Skip(2).ToList();
        var edited = draft.Content with
        {
            Obligations = [.. kept, new ObligationLine(Guid.NewGuid(), ObligationSide.Recipient, kept.Count(o => o.Side == ObligationSide.Recipient) + 1, "متقاضی متعهد می‌شود نشانی خود را به‌روز نگه دارد.", null)],
        };
        var saved = await agreementEditor.SaveAsync(agreementId, draft.Content, draft.Stamp, edited, admin);
        Assert.True(saved.Succeeded, saved.Message);
        await AssertStoredObligationCountsAsync(app);

        // The catalogue shows the version in force until the draft is published, then the new count.
        var title = "صدور گواهی احراز اصالت و سلامت اداری";
        async Task<int> Shown() => (await catalogue.SearchAsync(new CatalogueFilter(Search: title), 1, 5)).Rows.Single().ObligationCount;
        Assert.Equal(draft.Content.Obligations.Count, await Shown());
        var approved = await AgreementLifecycleTests.ApproveAsync(app, agreementId, (await agreementEditor.LoadWorkingAsync(agreementId))!.Stamp, admin);
        Assert.True((await lifecycle.PublishAsync(agreementId, approved, admin)).Succeeded);
        Assert.Equal(draft.Content.Obligations.Count - 1, await Shown());
        await AssertStoredObligationCountsAsync(app);

        var next = await lifecycle.StartDraftAsync(agreementId, admin);
        Assert.True((await lifecycle.DiscardDraftAsync(agreementId, next.Stamp!.Value, admin)).Succeeded);
        await AssertStoredObligationCountsAsync(app);

        var itoId = await IdAsync(app, db => db.Organizations.Where(o => o.Name == "سازمان فناوری اطلاعات ایران").Select(o => o.Id));
        var service = await scope.ServiceProvider.GetRequiredService<ServiceEditor>().CreateAsync(new ServiceForm { Title = "ثبت نام آزمون ملی", ProviderId = itoId }, admin);
        Assert.NotNull((await agreementEditor.CreateFromTemplateAsync(service.ServiceId!.Value, admin)).AgreementId);
        await AssertStoredObligationCountsAsync(app);
    }

    /// <summary>Every version's stored obligation count is the number of its obligations (and some are not zero).</summary>
    [Theory, MemberData(nameof(Providers))]
    public async Task Expired_keeps_the_seeds_whose_end_has_passed_and_the_home_card_counts_the_same(string provider)
    {
        using var app = await TestDatabases.StartAsync(provider);
        var (_, catalogue, _) = await ServicesAsync(app);

        // The app's today is the real one, after 1403/12/30 (20 March 2025), the latest end among the seeds;
        // 002 runs «تا پایان دولت یازدهم», a date no one gave, so it is not called expired.
        var expired = await catalogue.SearchAsync(new CatalogueFilter(Sort: CatalogueSort.ValidUntil, Expired: true), 1, 25);
        Assert.Equal(["توافقنامه سطح خدمات استانداری خراسان جنوبی", "صدور گواهی احراز اصالت و سلامت اداری",
            "راهبری دریافت سرویس از مرکز ملی تبادل اطلاعات", "توسعه و پشتیبانی سامانه‌های ملی ارائه خدمات هوشمند"], expired.Rows.Select(r => r.Title));
        Assert.Equal(4, expired.Total);
        using var scope = app.Services.CreateScope();
        Assert.Equal(4, (await scope.ServiceProvider.GetRequiredService<SlaAdmin.Features.Home.HomeStats>().CountAsync()).Expired);
    }

    internal static async Task AssertStoredObligationCountsAsync(SlaAppFactory app)
    {
        await using var db = app.CreateDbContext();
        var versions = await db.AgreementVersions.AsNoTracking()
            .Select(v => new { v.Id, v.ObligationCount, Counted = v.Obligations.Count() }).ToListAsync();
        Assert.Contains(versions, v => v.Counted > 0);
        Assert.All(versions, v => Assert.Equal(v.Counted, v.ObligationCount));
    }

    private static async Task<(ServiceEditor, CatalogueService, ClaimsPrincipal Admin)> ServicesAsync(SlaAppFactory app)
    {
        _ = app.Server;
        var scope = app.Services.CreateScope();
        return (scope.ServiceProvider.GetRequiredService<ServiceEditor>(), scope.ServiceProvider.GetRequiredService<CatalogueService>(),
            await TestAuth.PrincipalAsync(scope.ServiceProvider, Roles.Administrator));
    }

    private static async Task<int> IdAsync(SlaAppFactory app, Func<SlaAdmin.Data.SlaDbContext, IQueryable<int>> query)
    {
        await using var db = app.CreateDbContext();
        return await query(db).SingleAsync();
    }
}
