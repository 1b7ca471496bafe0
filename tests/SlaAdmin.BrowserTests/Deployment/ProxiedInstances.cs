using Microsoft.Playwright;

namespace SlaAdmin.BrowserTests.Deployment;

/// <summary>
/// Two instances of the published app on one PostgreSQL database behind nginx with the repository's
/// configuration (tests/deploy/two-instances.sh), and a headless Debian chromium that reaches the proxy
/// as https://sla.test. Needs what tests/run.sh provides (SLAADMIN_TEST_POSTGRES, nginx, chromium); a
/// missing one fails the tests.
/// </summary>
public sealed class ProxiedInstances : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"slaadmin-deploy-{Guid.NewGuid():N}");
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private Dictionary<string, string> _setup = [];

    public Uri BaseAddress => new(_setup["BASE_URL"]);
    public string AdminUser => _setup["ADMIN_USER"];
    public string AdminPassword => _setup["ADMIN_PASSWORD"];

    /// <summary>The instances' own addresses, as nginx names them in its access log.</summary>
    public IReadOnlyList<string> Instances => [Upstream(_setup["INSTANCE_1"]), Upstream(_setup["INSTANCE_2"])];

    public async Task InitializeAsync()
    {
        if (!File.Exists(AppServer.ChromiumPath))
        {
            throw new InvalidOperationException($"Chromium is not installed at {AppServer.ChromiumPath}: run the tests with tests/run.sh, which installs Debian's chromium.");
        }
        await DeploymentScript.RunAsync("two-instances.sh", "start", _folder, DeploymentScript.Configuration);
        _setup = File.ReadAllLines(Path.Combine(_folder, "setup.env"))
            .Select(line => line.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair[1].Trim('\''));

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = AppServer.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                $"--host-resolver-rules=MAP {_setup["HOST"]} 127.0.0.1"],
        });
    }

    /// <summary>
    /// A fresh browser (no cookies) whose first request nginx sent to <paramref name="instance"/>, and
    /// so every later one: the route cookie it got keeps it there.
    /// </summary>
    public async Task<IPage> BrowserOnAsync(string instance)
    {
        for (var attempt = 0; attempt < 24; attempt++)
        {
            var context = await _browser.NewContextAsync(new BrowserNewContextOptions
            {
                BaseURL = BaseAddress.ToString(),
                IgnoreHTTPSErrors = true, // the certificate is self-signed for sla.test
                Locale = "fa-IR",
                AcceptDownloads = true,
                ViewportSize = new ViewportSize { Width = 1400, Height = 900 },
            });
            context.SetDefaultTimeout(30_000);
            var page = await context.NewPageAsync();
            await page.GotoAsync("/Account/Login");
            if (await InstanceOfAsync(await RouteOfAsync(page)) == instance) return page;
            await context.CloseAsync();
        }
        throw new InvalidOperationException($"24 fresh browsers and none was sent to {instance}: the proxy does not spread browsers over the instances.");
    }

    /// <summary>The key of the route cookie nginx gave the page's browser.</summary>
    public static async Task<string> RouteOfAsync(IPage page) =>
        (await page.Context.CookiesAsync()).Single(c => c.Name == "slaadmin_route").Value;

    /// <summary>The one instance that served every request of the browser on the route so far (fails when there were two).</summary>
    public async Task<string> InstanceOfAsync(string route) =>
        Assert.Single((await ServedAsync(route)).Select(line => line.Upstream).Distinct());

    /// <summary>
    /// The requests nginx logged for the browser on the route (request line, status, instance), once one
    /// of them matches <paramref name="until"/> (any, by default) or five seconds have passed: nginx logs a
    /// request as it ends, a WebSocket when it closes.
    /// </summary>
    public async Task<IReadOnlyList<Served>> ServedAsync(string route, Func<Served, bool>? until = null)
    {
        for (var attempt = 0; ; attempt++)
        {
            var served = (await File.ReadAllLinesAsync(_setup["ACCESS_LOG"]))
                .Where(line => line.EndsWith($" route={route}", StringComparison.Ordinal))
                .Select(line =>
                {
                    var quoted = line.Split('"');
                    return new Served(quoted[1], quoted[2].Trim().Split(' ')[0], line.Split(" upstream=")[1].Split(' ')[0]);
                })
                .ToList();
            if (served.Any(until ?? (_ => true)) || attempt == 50) return served;
            await Task.Delay(100);
        }
    }

    /// <summary>One line of nginx's access log: the request line, the status, the instance that answered.</summary>
    public sealed record Served(string Request, string Status, string Upstream);

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        await DeploymentScript.RunAsync("two-instances.sh", "stop", _folder);
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    private static string Upstream(string address) => new Uri(address).Authority;
}
