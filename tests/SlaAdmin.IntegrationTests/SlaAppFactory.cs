using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SlaAdmin.Data;

namespace SlaAdmin.IntegrationTests;

/// <summary>
/// The real app on its own temporary SQLite file, migrated and seeded as on first start. Requests
/// that carry <see cref="TestAuth.RoleHeader"/> are signed in with that role; others meet the real
/// cookie sign-in.
/// </summary>
public sealed class SlaAppFactory : WebApplicationFactory<Program>
{
    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"slaadmin-test-{Guid.NewGuid():N}.db");

    /// <summary>The database: a temp SQLite file unless a test names another (PostgreSQL).</summary>
    public string ConnectionString { get; init; }

    /// <summary>Database:Provider, Sqlite unless a test says PostgreSql.</summary>
    public string DatabaseProvider { get; init; } = "Sqlite";

    public string Environment { get; init; } = "Testing";

    /// <summary>More configuration, as a deployment would set it.</summary>
    public IDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    public SlaAppFactory()
    {
        ConnectionString = $"Data Source={_databasePath}";
        // As behind the TLS-terminating proxy: outside Development cookies are Secure and a client
        // sends them back only over https.
        ClientOptions.BaseAddress = new Uri("https://localhost");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        builder.UseSetting("ConnectionStrings:Default", ConnectionString);
        builder.UseSetting("Database:Provider", DatabaseProvider);
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureTestServices(services =>
        {
            services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, TestAuth>(TestAuth.SchemeName, _ => { });
            services.PostConfigure<AuthenticationOptions>(o =>
            {
                o.DefaultScheme = TestAuth.Selector;
                o.DefaultAuthenticateScheme = TestAuth.Selector;
                o.DefaultChallengeScheme = TestAuth.Selector;
                o.DefaultForbidScheme = TestAuth.Selector;
            });
            services.AddAuthentication().AddPolicyScheme(TestAuth.Selector, TestAuth.Selector, o =>
                o.ForwardDefaultSelector = ctx => ctx.Request.Headers.ContainsKey(TestAuth.RoleHeader)
                    ? TestAuth.SchemeName
                    : IdentityConstants.ApplicationScheme);
        });
    }

    /// <summary>A client signed in with <paramref name="role"/> (or anonymous when null) that does not follow redirects.</summary>
    public HttpClient CreateClient(string? role)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = ClientOptions.BaseAddress });
        if (role is not null) client.DefaultRequestHeaders.Add(TestAuth.RoleHeader, role);
        return client;
    }

    /// <summary>A context on the same database, for arranging and asserting.</summary>
    public SlaDbContext CreateDbContext()
    {
        _ = Server; // make sure the host has started, migrated and seeded
        return Services.GetRequiredService<IDbContextFactory<SlaDbContext>>().CreateDbContext();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_databasePath + suffix);
        }
    }
}

/// <summary>
/// Signs a request in with the role named in its header, as a stored account «test-{role}@example.ir»
/// that holds that role (created on first use), so that services checking the database agree.
/// </summary>
public sealed class TestAuth(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Test";
    public const string Selector = "TestOrCookie";
    public const string RoleHeader = "X-Test-Role";

    /// <summary>
    /// Held for every look-up, not only for creating: an account is made in two steps (the user, then its
    /// role), and a request that found it between them was signed in without the role (a held export in
    /// a CI run was forbidden, so its place went to the request that should have been told to wait).
    /// </summary>
    private static readonly SemaphoreSlim Accounts = new(1, 1);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync() =>
        AuthenticateResult.Success(new AuthenticationTicket(await PrincipalAsync(Context.RequestServices, Request.Headers[RoleHeader].ToString()), SchemeName));

    /// <summary>The signed-in principal of the stored test account that holds <paramref name="role"/>, for calling services directly.</summary>
    public static async Task<System.Security.Claims.ClaimsPrincipal> PrincipalAsync(IServiceProvider services, string role)
    {
        var userName = $"test-{role.ToLowerInvariant()}@example.ir";
        var users = services.GetRequiredService<UserManager<ApplicationUser>>();
        ApplicationUser? user;
        await Accounts.WaitAsync();
        try
        {
            user = await users.FindByNameAsync(userName);
            if (user is null)
            {
                user = new ApplicationUser { UserName = userName, Email = userName };
                Check(await users.CreateAsync(user));
                if (SlaAdmin.Auth.Roles.Find(role) is { } ours) Check(await users.AddToRoleAsync(user, ours));
            }
        }
        finally
        {
            Accounts.Release();
        }
        return await services.GetRequiredService<SignInManager<ApplicationUser>>().CreateUserPrincipalAsync(user);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
