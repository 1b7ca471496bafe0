extern alias benchmarks;

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace SlaAdmin.BrowserTests;

/// <summary>
/// The real app on Kestrel (Development environment, so the demo users exist), on its own SQLite
/// file, and a headless Debian chromium driven by Playwright. One per test class.
/// </summary>
public sealed class AppServer : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"slaadmin-browser-{Guid.NewGuid():N}.db");
    private Factory _factory = null!;
    private IPlaywright _playwright = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>What the browser refused under the app's Content-Security-Policy, on any page of this fixture.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> PolicyViolations { get; } = new();

    /// <summary>Uncaught script errors on any page of this fixture.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> PageErrors { get; } = new();
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The app's services, for a journey step taken by another person outside this browser.</summary>
    public IServiceProvider Services => _factory.Services;

    /// <summary>The agreement id in a page's address (/agreements/{id}/…).</summary>
    public static int AgreementIdOf(IPage page) =>
        int.Parse(page.Url.Split("/agreements/")[1].Split('/', '?')[0], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// The demo administrator submits the agreement's working draft and the demo legal reviewer approves it,
    /// through the app's services: a journey about editing needs an approved version to publish (the review
    /// screens have their own journey).
    /// </summary>
    public async Task ApproveWorkingVersionAsync(int agreementId)
    {
        using var scope = Services.CreateScope();
        var review = scope.ServiceProvider.GetRequiredService<SlaAdmin.Features.Review.LegalReview>();
        var draft = await scope.ServiceProvider.GetRequiredService<SlaAdmin.Features.Agreements.AgreementEditor>().LoadWorkingAsync(agreementId);
        var submitted = await review.SubmitAsync(agreementId, draft!.Stamp, await PrincipalAsync(scope, "admin"));
        Assert.True(submitted.Succeeded, submitted.Message);
        var approved = await review.ApproveAsync(agreementId, submitted.Stamp!.Value, null, await PrincipalAsync(scope, "legal"));
        Assert.True(approved.Succeeded, approved.Message);
    }

    /// <summary>Starts a draft of the agreement from its version in force, as the administrator's «ویرایش» does.</summary>
    public async Task StartDraftAsync(int agreementId)
    {
        using var scope = Services.CreateScope();
        var started = await scope.ServiceProvider.GetRequiredService<SlaAdmin.Features.Agreements.AgreementLifecycle>()
            .StartDraftAsync(agreementId, await PrincipalAsync(scope, "admin"));
        Assert.True(started.Succeeded, started.Message);
    }

    /// <summary>The demo account as the app sees it once signed in (its roles from the database).</summary>
    private static async Task<System.Security.Claims.ClaimsPrincipal> PrincipalAsync(IServiceScope scope, string userName)
    {
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<SlaAdmin.Data.ApplicationUser>>();
        var signIn = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.SignInManager<SlaAdmin.Data.ApplicationUser>>();
        return await signIn.CreateUserPrincipalAsync((await users.FindByNameAsync(userName))!);
    }

    /// <summary>Where screenshots and downloads go: artifacts/ at the repository root (ignored by git).</summary>
    public static string ArtifactsFolder { get; } = CreateArtifactsFolder();

    /// <summary>
    /// How long an action or an expectation waits: a circuit can take this long to start while the three
    /// test projects share two cores (the deployment tests allow the same).
    /// </summary>
    private const float Patience = 30_000;

    public async Task InitializeAsync()
    {
        Assertions.SetDefaultExpectTimeout(Patience);
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"Chromium is not installed at {ChromiumPath}: run the tests with tests/run.sh, which installs Debian's chromium.");
        }

        _factory = new Factory($"Data Source={_databasePath}");
        _factory.UseKestrel(0);
        _factory.StartServer();
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        BaseAddress = new Uri(addresses.Addresses.First());

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>
    /// A new page in a fresh context (no cookies), Persian locale, downloads allowed; without scripts
    /// (<paramref name="javaScript"/> false) it shows what the server prerenders, before any circuit.
    /// </summary>
    public async Task<IPage> NewPageAsync(bool javaScript = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            JavaScriptEnabled = javaScript,
            BaseURL = BaseAddress.ToString(),
            Locale = "fa-IR",
            AcceptDownloads = true,
            ViewportSize = new ViewportSize { Width = 1400, Height = 900 },
        });
        context.SetDefaultTimeout(Patience);
        var page = await context.NewPageAsync();
        // Chromium reports every Content-Security-Policy refusal on the console.
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) PolicyViolations.Enqueue(message.Text);
        };
        page.PageError += (_, error) => PageErrors.Enqueue(error);
        return page;
    }

    /// <summary>Signs in through the real sign-in page with a demo account.</summary>
    public static Task SignInAsync(IPage page, string userName, string password) =>
        benchmarks::SlaAdmin.Benchmarks.BrowserSignIn.SignInAsync(page, userName, password);

    /// <summary>
    /// Chooses a workbook on the import page as a person does: the button, then the browser's file chooser.
    /// Setting the hidden input's files directly can beat InputFile's script, which starts listening a
    /// moment after the picker is enabled (seen through nginx: the file was chosen 60 ms too early and went nowhere).
    /// </summary>
    public static async Task ChooseWorkbookAsync(IPage page, string path)
    {
        var chooser = await page.RunAndWaitForFileChooserAsync(() =>
            page.GetByRole(AriaRole.Button, new() { Name = "انتخاب فایل اکسل" }).ClickAsync());
        await chooser.SetFilesAsync(path);
    }

    /// <summary>A screenshot into artifacts/screenshots: the whole page, or what the window shows.</summary>
    public static async Task ScreenshotAsync(IPage page, string name, bool fullPage = true) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ArtifactsFolder, $"{name}.png"), FullPage = fullPage });

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (_factory is not null) await _factory.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(_databasePath + suffix);
    }

    private static string CreateArtifactsFolder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SlaAdmin.sln"))) dir = dir.Parent;
        var folder = Path.Combine(dir?.FullName ?? Path.GetTempPath(), "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        return folder;
    }

    private sealed class Factory(string connectionString) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("ConnectionStrings:Default", connectionString);
            builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        }
    }
}
