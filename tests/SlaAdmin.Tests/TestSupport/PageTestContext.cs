using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using SlaAdmin.Auth;
using SlaAdmin.Data;
using SlaAdmin.Data.Entities;
using SlaAdmin.Data.Seeds;
using SlaAdmin.Features.Agreements;
using SlaAdmin.Features.Catalogue;
using SlaAdmin.Features.Home;

namespace SlaAdmin.Tests.TestSupport;

/// <summary>
/// The one bUnit base: loose JS interop, MudBlazor services, a signed-in user whose roles a test can
/// change, and a real SQLite database (in memory, migrated, its connection kept open for the test's
/// life) behind the same feature services the app registers.
/// </summary>
public abstract class PageTestContext : BunitContext, IAsyncLifetime
{
    private readonly SqliteConnection connection = new("DataSource=:memory:");
    private readonly DbContextOptions<SlaDbContext> options;

    /// <summary>«Today» for every page: 1403/10/11 (31 December 2024).</summary>
    protected FixedClock Clock { get; } = new(new DateTimeOffset(2024, 12, 31, 9, 0, 0, TimeSpan.Zero));

    protected BunitAuthorizationContext Authorization { get; }

    protected PageTestContext()
    {
        connection.Open();
        options = new DbContextOptionsBuilder<SlaDbContext>()
            .UseSqlite(connection)
            .AddInterceptors(new SlaSaveChangesInterceptor(Clock))
            .Options;
        using (var db = NewDbContext()) db.Database.Migrate();

        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton<TimeProvider>(Clock);
        Services.AddSingleton<IDbContextFactory<SlaDbContext>>(new OptionsFactory(options));
        Services.AddScoped<AgreementStore>();
        Services.AddScoped<CatalogueService>();
        Services.AddScoped<HomeStats>();

        Authorization = AddAuthorization();
        Authorization.SetAuthorized("کارشناس آزمون");
        Authorization.SetRoles(Roles.Viewer);
    }

    /// <summary>Loads the five real seed agreements, as the app does on first start.</summary>
    protected async Task SeedAsync()
    {
        await using var db = NewDbContext();
        await SeedCatalogue.EnsureSeededAsync(db, CancellationToken.None);
    }

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

    /// <summary>Adds a plain catalogue entry (no agreement) by the given provider.</summary>
    protected async Task AddServiceAsync(string title, string providerName, ServiceStatus status = ServiceStatus.Active)
    {
        await using var db = NewDbContext();
        var provider = db.Organizations.Single(o => o.Name == providerName);
        db.Services.Add(new EService { Title = title, ProviderId = provider.Id, Status = status });
        await db.SaveChangesAsync();
    }

    /// <summary>A context on the test's database (the SQLite context, which carries the SQLite migrations), for arranging data.</summary>
    protected SlaDbContext NewDbContext() => new SqliteSlaDbContext(options);

    /// <summary>Where open popovers (selects, tooltips) render, once a page has been rendered.</summary>
    protected IRenderedComponent<MudPopoverProvider>? Popovers { get; private set; }

    protected NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    /// <summary>Renders a page the way the layout hosts it: beside the popover provider selects and tooltips need.</summary>
    protected IRenderedComponent<TPage> RenderPage<TPage>(Action<ComponentParameterCollectionBuilder<TPage>>? parameters = null)
        where TPage : IComponent
    {
        Popovers ??= Render<MudPopoverProvider>();
        return Render(parameters ?? (_ => { }));
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    // MudBlazor's services are only asynchronously disposable, so xunit must dispose the context asynchronously.
    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        connection.Dispose();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        connection.Dispose();
    }

    private sealed class OptionsFactory(DbContextOptions<SlaDbContext> options) : IDbContextFactory<SlaDbContext>
    {
        public SlaDbContext CreateDbContext() => new SqliteSlaDbContext(options);
    }
}

/// <summary>A clock that stands still, in Tehran's time zone, so «expiring within 90 days» is the same every run.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;

    public override TimeZoneInfo LocalTimeZone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tehran");
}
