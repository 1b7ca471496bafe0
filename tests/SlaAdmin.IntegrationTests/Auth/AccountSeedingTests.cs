using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SlaAdmin.Auth;
using SlaAdmin.Data;

namespace SlaAdmin.IntegrationTests.Auth;

public sealed class AccountSeedingTests
{
    [Fact]
    public async Task Development_creates_the_three_demo_accounts_with_their_roles()
    {
        using var app = new SlaAppFactory { Environment = "Development" };

        var accounts = await AccountsAsync(app.Services);

        Assert.Equal(
            ["admin:Administrator", "legal:LegalReviewer", "viewer:Viewer"],
            accounts.Select(a => $"{a.UserName}:{string.Join(",", a.Roles)}"));
    }

    [Fact]
    public async Task Production_with_bootstrap_settings_creates_the_first_administrator_who_can_sign_in()
    {
        using var app = new SlaAppFactory { Environment = "Production" };
        using var configured = app.WithWebHostBuilder(b => b
            .UseSetting("Bootstrap:AdminUserName", "chief")
            .UseSetting("Bootstrap:AdminPassword", "Chief#Pass1403"));

        var accounts = await AccountsAsync(configured.Services);
        var client = configured.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        var signedIn = await SignInForm.PostAsync(client, "chief", "Chief#Pass1403");

        Assert.Equal(["chief:Administrator"], accounts.Select(a => $"{a.UserName}:{string.Join(",", a.Roles)}"));
        Assert.Equal("/", SignInForm.Target(signedIn));
    }

    [Fact]
    public async Task Production_without_bootstrap_settings_creates_nobody_and_warns_in_persian_and_english()
    {
        var logs = new LogSink();
        using var app = new SlaAppFactory { Environment = "Production" };
        using var logged = app.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(logs)));

        var accounts = await AccountsAsync(logged.Services);
        var roles = await RoleNamesAsync(logged.Services);
        var health = await logged.CreateClient().GetAsync("/health");

        Assert.Empty(accounts);
        Assert.Equal(Roles.All.Order(), roles);
        Assert.True(health.IsSuccessStatusCode);
        Assert.Contains(logs.Messages, m => m.Contains("کسی نمی‌تواند وارد سامانه شود", StringComparison.Ordinal)
            && m.Contains("nobody can sign in", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Bootstrap_settings_are_ignored_once_an_administrator_exists()
    {
        using var app = new SlaAppFactory { Environment = "Production" };
        using (var first = app.WithWebHostBuilder(b => b
            .UseSetting("Bootstrap:AdminUserName", "chief")
            .UseSetting("Bootstrap:AdminPassword", "Chief#Pass1403")))
        {
            await AccountsAsync(first.Services);
        }

        using var second = app.WithWebHostBuilder(b => b
            .UseSetting("Bootstrap:AdminUserName", "intruder")
            .UseSetting("Bootstrap:AdminPassword", "Intruder#1403"));
        var accounts = await AccountsAsync(second.Services);

        Assert.Equal(["chief"], accounts.Select(a => a.UserName));
    }

    [Fact]
    public async Task Testing_environment_creates_roles_but_no_demo_accounts()
    {
        using var app = new SlaAppFactory();

        Assert.Empty(await AccountsAsync(app.Services));
        Assert.Equal(Roles.All.Order(), await RoleNamesAsync(app.Services));
    }

    private static async Task<List<(string UserName, IList<string> Roles)>> AccountsAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var result = new List<(string, IList<string>)>();
        foreach (var user in await users.Users.OrderBy(u => u.UserName).ToListAsync())
        {
            result.Add((user.UserName!, await users.GetRolesAsync(user)));
        }
        return result;
    }

    private static async Task<List<string>> RoleNamesAsync(IServiceProvider services)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<SlaDbContext>>().CreateDbContextAsync();
        return await db.Roles.Select(r => r.Name!).OrderBy(n => n).ToListAsync();
    }

    private sealed class LogSink : ILoggerProvider, ILogger
    {
        public ConcurrentQueue<string> Messages { get; } = new();

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Messages.Enqueue(formatter(state, exception));

        public void Dispose() { }
    }
}
