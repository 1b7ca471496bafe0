using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SlaAdmin.Auth;
using SlaAdmin.Data;

namespace SlaAdmin.Tests.Auth;

/// <summary>
/// The app's own data and auth registrations (AddSlaData, AddSlaAuth) on a temporary SQLite file,
/// without a web server; <see cref="SignInAs"/> decides who the signed-in user is.
/// </summary>
internal sealed class AuthHost : IAsyncDisposable
{
    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"slaadmin-unit-{Guid.NewGuid():N}.db");
    private readonly CurrentUser _currentUser = new();

    private AuthHost(IDictionary<string, string?> settings, string environment)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Configuration["ConnectionStrings:Default"] = $"Data Source={_databasePath}";
        builder.Services.AddLogging();
        builder.Services.AddSingleton<IServer, NoServer>();
        builder.AddSlaData();
        builder.AddSlaAuth();
        builder.Services.AddSingleton(_currentUser);
        builder.Services.AddScoped<AuthenticationStateProvider, FixedAuthenticationState>();
        App = builder.Build();
    }

    public WebApplication App { get; }

    public IServiceProvider Services => App.Services;

    /// <summary>The app's services built from <paramref name="settings"/>; nothing touches the database.</summary>
    public static AuthHost Configure(IDictionary<string, string?>? settings = null, string environment = "Development") =>
        new(settings ?? new Dictionary<string, string?>(), environment);

    /// <summary>Migrated and seeded as the app does at start (Development: the demo accounts).</summary>
    public static async Task<AuthHost> StartAsync(IDictionary<string, string?>? settings = null, string environment = "Development")
    {
        var host = Configure(settings, environment);
        await using (var db = await host.Services.GetRequiredService<IDbContextFactory<SlaDbContext>>().CreateDbContextAsync())
        {
            await db.Database.MigrateAsync();
        }
        await host.App.SeedAccountsAsync();
        return host;
    }

    /// <summary>Claims only, for checks that never reach the database.</summary>
    public void SignInAs(params string[] roles)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, "someone") };
        claims.AddRange(roles.Select(r => new Claim(ClaimTypes.Role, r)));
        _currentUser.Principal = new ClaimsPrincipal(new ClaimsIdentity(claims, "Test"));
    }

    /// <summary>
    /// Signs in as a stored account, with the claims a real sign-in gives (id, security stamp, roles).
    /// Scopes created from now on keep this user, as an open circuit keeps its own.
    /// </summary>
    public async Task SignInAsUserAsync(string userName)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException($"No user {userName}");
        _currentUser.Principal = await scope.ServiceProvider.GetRequiredService<SignInManager<ApplicationUser>>().CreateUserPrincipalAsync(user);
    }

    public SlaDbContext CreateDbContext() => Services.GetRequiredService<IDbContextFactory<SlaDbContext>>().CreateDbContext();

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(_databasePath + suffix);
    }

    /// <summary>The host is built, never run: only its services are used.</summary>
    private sealed class NoServer : IServer
    {
        public IFeatureCollection Features { get; } = new FeatureCollection();

        public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken) where TContext : notnull =>
            throw new NotSupportedException();

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public void Dispose() { }
    }

    private sealed class CurrentUser
    {
        public ClaimsPrincipal Principal { get; set; } = new(new ClaimsIdentity());
    }

    /// <summary>The user signed in when the scope (the circuit) began.</summary>
    private sealed class FixedAuthenticationState(CurrentUser user) : AuthenticationStateProvider
    {
        private readonly ClaimsPrincipal _principal = user.Principal;

        public override Task<AuthenticationState> GetAuthenticationStateAsync() =>
            Task.FromResult(new AuthenticationState(_principal));
    }
}
