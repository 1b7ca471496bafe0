using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor;
using SlaAdmin.Auth;
using SlaAdmin.Components;
using SlaAdmin.Data;
using SlaAdmin.Data.Entities;
using SlaAdmin.Features.Agreements;
using SlaAdmin.Features.Catalogue;
using SlaAdmin.Features.History;
using SlaAdmin.Features.Home;
using SlaAdmin.Features.Review;

namespace SlaAdmin.Tests.TestSupport;

/// <summary>
/// The one bUnit base: loose JS interop, MudBlazor services, a signed-in user whose roles a test can
/// change, and a real SQLite database (in memory, migrated, its connection kept open for the test's
/// life) behind the same feature services the app registers.
/// </summary>
public abstract class PageTestContext : BunitContext, IAsyncLifetime
{
    private readonly TestDatabase database;

    /// <summary>«Today» for every page: 1403/10/11 (31 December 2024).</summary>
    protected FixedClock Clock { get; } = new(new DateTimeOffset(2024, 12, 31, 9, 0, 0, TimeSpan.Zero));

    protected BunitAuthorizationContext Authorization { get; }

    protected PageTestContext()
    {
        database = new TestDatabase(Clock);

        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddPersianMudServices();
        Services.AddSingleton<TimeProvider>(Clock);
        Services.AddSingleton<IDbContextFactory<SlaDbContext>>(database);
        Services.AddScoped<AgreementStore>();
        Services.AddScoped<CatalogueService>();
        Services.AddScoped<HomeStats>();
        Services.AddScoped<HistoryLog>();
        Services.AddScoped<ServiceEditor>();
        Services.AddScoped<AgreementEditor>();
        Services.AddScoped<AgreementLifecycle>();
        Services.AddScoped<Checklist>();
        Services.AddScoped<LegalReview>();
        Services.AddScoped<ReviewComments>();
        // No settings: every switch at its default (publishing needs legal approval).
        Services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        Services.AddScoped<ReviewQueue>();
        // Entra's way: AccessCheck trusts the roles on the principal, here the roles a test sets.
        Services.AddSingleton(new SignInMode(UsesEntra: true));
        Services.AddSingleton(Options.Create(new IdentityOptions()));
        Services.AddScoped<AccessCheck>();

        Authorization = AddAuthorization();
        Authorization.SetAuthorized("کارشناس آزمون");
        Authorization.SetRoles(Roles.Viewer);
    }

    /// <summary>Loads the five real seed agreements, as the app does on first start.</summary>
    protected Task SeedAsync() => database.SeedAsync();

    /// <summary>The id of the seeded service with this catalogue title.</summary>
    protected int ServiceId(string title)
    {
        using var db = NewDbContext();
        return db.Services.Single(s => s.Title == title).Id;
    }

    /// <summary>The id of the agreement of the seeded service with this catalogue title.</summary>
    protected int AgreementId(string title)
    {
        using var db = NewDbContext();
        return db.Agreements.Single(a => a.EService.Title == title).Id;
    }

    /// <summary>Starts a draft of the seeded service's agreement: its version in force copied, then changed. Returns the draft's number.</summary>
    protected async Task<int> StartDraftAsync(string title, Func<AgreementContent, AgreementContent>? change = null, AgreementStatus status = AgreementStatus.Draft)
    {
        var draftId = await Drafts.StartAsync(database, AgreementId(title), change, status);
        using var db = NewDbContext();
        return db.AgreementVersions.Single(v => v.Id == draftId).Number;
    }

    /// <summary>
    /// Writes <paramref name="rows"/> recipient obligations straight into version <paramref name="number"/> of the
    /// agreement, as a database from before the limits may hold them (the editor and the import refuse so many).
    /// </summary>
    protected async Task AddObligationsPastTheLimitAsync(int agreementId, int number, int rows = 1000)
    {
        await using var db = NewDbContext();
        var versionId = db.AgreementVersions.Single(v => v.AgreementId == agreementId && v.Number == number).Id;
        await db.Database.ExecuteSqlAsync($"""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {rows})
            INSERT INTO Obligations (AgreementVersionId, ClauseId, Side, "Order", Text, Target)
            SELECT {versionId}, printf('00000000-0000-4000-8000-%012X', i), 'Recipient', 100 + i, 'تعهد افزوده شماره ' || i, NULL FROM n
            """);
    }

    /// <summary>Adds a plain catalogue entry (no agreement) by the given provider.</summary>
    protected async Task AddServiceAsync(string title, string providerName, ServiceStatus status = ServiceStatus.Active)
    {
        await using var db = NewDbContext();
        var provider = db.Organizations.Single(o => o.Name == providerName);
        db.Services.Add(new EService { Title = title, ProviderId = provider.Id, Status = status });
        await db.SaveChangesAsync();
    }

    /// <summary>A context on the test's database, for arranging data.</summary>
    protected SlaDbContext NewDbContext() => database.CreateDbContext();

    /// <summary>Whether pages render on a live server circuit (as in the app) or statically, as prerendered.</summary>
    protected bool Interactive { get; set; } = true;

    /// <summary>Where open popovers (selects, tooltips) render, once a page has been rendered.</summary>
    protected IRenderedComponent<MudPopoverProvider>? Popovers { get; private set; }

    protected NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    /// <summary>Renders a page the way the layout hosts it: beside the popover provider selects and tooltips need.</summary>
    protected IRenderedComponent<TPage> RenderPage<TPage>(Action<ComponentParameterCollectionBuilder<TPage>>? parameters = null)
        where TPage : IComponent
    {
        if (Popovers is null)
        {
            Renderer.SetRendererInfo(new RendererInfo(Interactive ? "Server" : "Static", Interactive));
            Popovers = Render<MudPopoverProvider>();
        }
        return Render(parameters ?? (_ => { }));
    }

    /// <summary>
    /// Renders an edit page as the server prerenders it and checks that it waits for its circuit: a progress bar
    /// and what is coming, nothing to type into or press, and no database read.
    /// </summary>
    protected void AssertPrerenderWaitsForTheCircuit<TPage>(Action<ComponentParameterCollectionBuilder<TPage>> parameters)
        where TPage : IComponent
    {
        Interactive = false;
        var before = database.ContextsMade;

        var page = RenderPage(parameters);

        Assert.NotEmpty(page.FindAll(".mud-progress-linear"));
        Assert.EndsWith("آماده می‌شود…", page.Find("[data-testid=loading]").TextContent.Trim(), StringComparison.Ordinal);
        Assert.Empty(page.FindAll("input, textarea, button"));
        Assert.Equal(before, database.ContextsMade);
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    // MudBlazor's services are only asynchronously disposable, so xunit must dispose the context asynchronously.
    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        database.Dispose();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        database.Dispose();
    }
}

/// <summary>A clock that stands still, in Tehran's time zone, so «expiring within 90 days» is the same every run.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;

    public override TimeZoneInfo LocalTimeZone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tehran");
}
