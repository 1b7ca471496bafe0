using System.Diagnostics;
using System.Diagnostics.Tracing;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;
using Microsoft.Playwright;

namespace SlaAdmin.Benchmarks;

/// <summary>What one run of the reading benchmarks measured; every figure beside the reference taken in the same run.</summary>
public sealed record ReadingResult(
    int Readers, double ReaderHeapKilobytes, double ReaderWorkingSetKilobytes,
    int Editors, double EditorHeapKilobytes, double EditorWorkingSetKilobytes,
    double AdministratorHeapKilobytes, double AdministratorWorkingSetKilobytes,
    int Requests, double PageMilliseconds, double HandSqlMilliseconds,
    int Starts, double StartSeconds, double BareStartSeconds);

/// <summary>
/// The cost of reading, measured against the real app started as its own process (the built
/// SlaAdmin.Web.dll, Development environment, the seeded SQLite database): the server memory each idle
/// reader of an agreement page holds (pages open in Chromium; the GC heap after a full GC induced through
/// the diagnostics port, and the working set), the same for idle editors (the interactive edit page), the
/// agreement page's server render time beside the same rows read by hand-written SQL, and the time from
/// process start to the first 200 on /health/ready beside a bare ASP.NET Core app.
/// </summary>
public static class ReadingBenchmarks
{
    public const string BareServerArgument = "--bare-server";

    /// <summary>The reference for start-up: an ASP.NET Core app that only answers /health/ready.</summary>
    public static async Task RunBareServerAsync(string url)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url);
        var app = builder.Build();
        app.MapGet("/health/ready", () => "Healthy");
        await app.RunAsync();
    }

    /// <summary>The configuration this harness was built in (Debug or Release): the app is run from the same.</summary>
    public static string Configuration() =>
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    /// <summary>This harness's own build, which also serves as the bare reference app.</summary>
    internal static string HarnessDll(string configuration) =>
        Path.Combine(Options.RepositoryRoot(), "tests", "SlaAdmin.Benchmarks", "bin", configuration, "net10.0", "SlaAdmin.Benchmarks.dll") is var built && File.Exists(built)
            ? built : typeof(ReadingBenchmarks).Assembly.Location;

    public static async Task<ReadingResult> RunAsync(int readers, int editors, int requests, int starts, string configuration)
    {
        var root = Options.RepositoryRoot();
        var webDll = Path.Combine(root, "src", "SlaAdmin.Web", "bin", configuration, "net10.0", "SlaAdmin.Web.dll");
        if (!File.Exists(webDll)) throw new FileNotFoundException($"Build the app first ({configuration}): {webDll}");
        var database = Path.Combine(Path.GetTempPath(), $"slaadmin-reading-{Guid.NewGuid():N}.db");
        try
        {
            // The first start creates, migrates and seeds the database; the measured starts find it ready.
            await using (await AppProcess.StartAsync(webDll, database)) { }
            var startTimes = new List<double>();
            var bareTimes = new List<double>();
            for (var i = 0; i < starts; i++)
            {
                await using (var app = await AppProcess.StartAsync(webDll, database)) startTimes.Add(app.StartSeconds);
                await using (var bare = await AppProcess.StartBareAsync(HarnessDll(configuration))) bareTimes.Add(bare.StartSeconds);
            }

            await using var server = await AppProcess.StartAsync(webDll, database);
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new()
            {
                ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ["--no-sandbox", "--disable-gpu"],
            });
            var agreementId = FirstAgreementId(database);

            var (readerHeap, readerSet) = await IdleCostAsync(server, browser, "viewer", "Viewer#1403", $"/agreements/{agreementId}", readers, interactive: false);
            var (editorHeap, editorSet) = await IdleCostAsync(server, browser, "admin", "Admin#1403", $"/agreements/{agreementId}/edit", editors, interactive: true);
            // An administrator reading the agreement page holds the circuit of its check-menu islands.
            var (adminHeap, adminSet) = await IdleCostAsync(server, browser, "admin", "Admin#1403", $"/agreements/{agreementId}", editors, interactive: true);
            var (page, handSql) = await PageTimeAsync(server, browser, database, agreementId, requests);

            return new ReadingResult(readers, readerHeap, readerSet, editors, editorHeap, editorSet, adminHeap, adminSet, requests, page, handSql,
                starts, Median(startTimes), Median(bareTimes));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(database + suffix);
        }
    }

    public static string Markdown(ReadingResult r) => string.Join('\n',
        "| measure | SlaAdmin | reference (same run) |",
        "|---|---:|---:|",
        Row($"memory per idle reader of an agreement page ({r.Readers} pages), GC heap after full GC", $"{r.ReaderHeapKilobytes:N0} KB", "target < 250 KB"),
        Row("the same, working set", $"{r.ReaderWorkingSetKilobytes:N0} KB", ""),
        Row($"memory per idle editor (edit page, {r.Editors} pages), GC heap after full GC", $"{r.EditorHeapKilobytes:N0} KB", ""),
        Row("the same, working set", $"{r.EditorWorkingSetKilobytes:N0} KB", ""),
        Row($"memory per idle administrator on the agreement page (its check-menu islands, {r.Editors} pages), GC heap after full GC", $"{r.AdministratorHeapKilobytes:N0} KB", ""),
        Row("the same, working set", $"{r.AdministratorWorkingSetKilobytes:N0} KB", ""),
        Row($"agreement page, server render (median of {r.Requests})", $"{r.PageMilliseconds:N1} ms", $"{r.HandSqlMilliseconds:N1} ms (its rows by hand-written SQL)"),
        Row($"start-up to the first 200 on /health/ready (median of {r.Starts})", $"{r.StartSeconds:N2} s", $"{r.BareStartSeconds:N2} s (bare ASP.NET Core app)"),
        "");

    private static string Row(string what, string value, string reference) => $"| {what} | {value} | {reference} |";

    /// <summary>Opens <paramref name="count"/> pages as one signed-in person and returns the server's growth per page, in KB.</summary>
    private static async Task<(double Heap, double WorkingSet)> IdleCostAsync(AppProcess server, IBrowser browser, string user, string password, string path, int count, bool interactive)
    {
        await using var context = await browser.NewContextAsync(new() { BaseURL = server.Url, Locale = "fa-IR" });
        var first = await context.NewPageAsync();
        await BrowserSignIn.SignInAsync(first, user, password);
        await first.GotoAsync(path); // warm: the first render compiles queries and views
        await first.CloseAsync();

        var (heapBefore, setBefore) = server.Measure();
        var pages = new List<IPage>();
        for (var i = 0; i < count; i++)
        {
            var page = await context.NewPageAsync();
            var opened = new TaskCompletionSource();
            page.WebSocket += (_, socket) => opened.TrySetResult();
            await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.NetworkIdle });
            if (interactive) await opened.Task.WaitAsync(TimeSpan.FromSeconds(30));
            pages.Add(page);
        }
        await Task.Delay(2000); // idle: nothing in flight
        var (heapAfter, setAfter) = server.Measure();
        foreach (var page in pages) await page.CloseAsync();
        return ((heapAfter - heapBefore) / 1024.0 / count, (setAfter - setBefore) / 1024.0 / count);
    }

    /// <summary>The agreement page's server time (a GET with the viewer's cookie) and the same rows read by hand-written SQL, medians in ms.</summary>
    private static async Task<(double Page, double HandSql)> PageTimeAsync(AppProcess server, IBrowser browser, string database, int agreementId, int requests)
    {
        await using var context = await browser.NewContextAsync(new() { BaseURL = server.Url });
        var page = await context.NewPageAsync();
        await BrowserSignIn.SignInAsync(page, "viewer", "Viewer#1403");
        var cookies = new CookieContainer();
        foreach (var c in await context.CookiesAsync()) cookies.Add(new Uri(server.Url), new System.Net.Cookie(c.Name, c.Value, c.Path, c.Domain));
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = new Uri(server.Url) };

        var pageTimes = new List<double>();
        for (var i = 0; i <= requests; i++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await http.GetAsync($"/agreements/{agreementId}");
            var html = await response.Content.ReadAsStringAsync();
            watch.Stop();
            if (!response.IsSuccessStatusCode || !html.Contains("agreement-section", StringComparison.Ordinal)) throw new InvalidOperationException($"the agreement page answered {(int)response.StatusCode}");
            if (i > 0) pageTimes.Add(watch.Elapsed.TotalMilliseconds); // the first is warm-up
        }

        var sqlTimes = new List<double>();
        await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly");
        await connection.OpenAsync();
        for (var i = 0; i <= requests; i++)
        {
            var watch = Stopwatch.StartNew();
            var rows = await HandSqlRowsAsync(connection, agreementId);
            watch.Stop();
            if (rows == 0) throw new InvalidOperationException("the hand-written SQL found no rows");
            if (i > 0) sqlTimes.Add(watch.Elapsed.TotalMilliseconds);
        }
        return (Median(pageTimes), Median(sqlTimes));
    }

    /// <summary>The version readers see and every part of it, as a person would write the SQL; returns the values read.</summary>
    private static async Task<int> HandSqlRowsAsync(SqliteConnection connection, int agreementId)
    {
        var values = 0;
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT v.* FROM AgreementVersions v JOIN Agreements a ON v.Id = COALESCE(a.InForceVersionId, a.WorkingVersionId) WHERE a.Id = $id;
            SELECT s.* FROM Sections s JOIN Agreements a ON s.AgreementVersionId = COALESCE(a.InForceVersionId, a.WorkingVersionId) WHERE a.Id = $id;
            SELECT o.* FROM Obligations o JOIN Agreements a ON o.AgreementVersionId = COALESCE(a.InForceVersionId, a.WorkingVersionId) WHERE a.Id = $id ORDER BY o.Side, o."Order";
            SELECT d.* FROM DataRows d JOIN Agreements a ON d.AgreementVersionId = COALESCE(a.InForceVersionId, a.WorkingVersionId) WHERE a.Id = $id;
            SELECT f.* FROM Fees f JOIN Agreements a ON f.AgreementVersionId = COALESCE(a.InForceVersionId, a.WorkingVersionId) WHERE a.Id = $id;
            SELECT p.* FROM PaymentMechanisms p JOIN Agreements a ON p.AgreementVersionId = COALESCE(a.InForceVersionId, a.WorkingVersionId) WHERE a.Id = $id;
            SELECT l.* FROM LegalReferences l JOIN Agreements a ON l.AgreementVersionId = COALESCE(a.InForceVersionId, a.WorkingVersionId) WHERE a.Id = $id;
            SELECT d.* FROM Definitions d JOIN Agreements a ON d.AgreementVersionId = COALESCE(a.InForceVersionId, a.WorkingVersionId) WHERE a.Id = $id;
            SELECT i.* FROM AppendixItems i JOIN Agreements a ON i.AgreementVersionId = COALESCE(a.InForceVersionId, a.WorkingVersionId) WHERE a.Id = $id;
            """;
        command.Parameters.AddWithValue("$id", agreementId);
        await using var reader = await command.ExecuteReaderAsync();
        do
        {
            while (await reader.ReadAsync())
            {
                for (var c = 0; c < reader.FieldCount; c++) values += reader.IsDBNull(c) ? 0 : reader.GetValue(c) is not null ? 1 : 0;
            }
        }
        while (await reader.NextResultAsync());
        return values;
    }

    private static int FirstAgreementId(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        // The largest seeded agreement: the certificate service (000), fourteen obligations.
        command.CommandText = "SELECT a.Id FROM Agreements a JOIN Services s ON s.Id = a.EServiceId ORDER BY (SELECT COUNT(*) FROM Obligations o WHERE o.AgreementVersionId = a.InForceVersionId) DESC LIMIT 1";
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted[sorted.Count / 2];
    }
}

/// <summary>A server started as its own process, ready once /health/ready answers 200.</summary>
internal sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;

    private AppProcess(Process process, string url, double startSeconds)
    {
        _process = process;
        Url = url;
        StartSeconds = startSeconds;
    }

    public string Url { get; }

    /// <summary>From process start to the first 200 on /health/ready.</summary>
    public double StartSeconds { get; }

    public static Task<AppProcess> StartAsync(string webDll, string database)
    {
        var url = $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(webDll))))! };
        start.ArgumentList.Add(webDll);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_URLS"] = url;
        start.Environment["ConnectionStrings__Default"] = $"Data Source={database}";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        return LaunchAsync(start, url);
    }

    public static Task<AppProcess> StartBareAsync(string harnessDll)
    {
        var url = $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo("dotnet");
        start.ArgumentList.Add(harnessDll);
        start.ArgumentList.Add(ReadingBenchmarks.BareServerArgument);
        start.ArgumentList.Add(url);
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        return LaunchAsync(start, url);
    }

    private static async Task<AppProcess> LaunchAsync(ProcessStartInfo start, string url)
    {
        start.UseShellExecute = false;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        var output = new StringBuilder();
        var watch = Stopwatch.StartNew();
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        while (watch.Elapsed < TimeSpan.FromSeconds(120))
        {
            if (process.HasExited) break;
            try
            {
                using var response = await http.GetAsync(url + "/health/ready");
                if (response.StatusCode == HttpStatusCode.OK) return new AppProcess(process, url, watch.Elapsed.TotalSeconds);
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // not answering yet
            }
            await Task.Delay(20);
        }
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        lock (output) throw new InvalidOperationException($"{start.FileName} {string.Join(' ', start.ArgumentList)} did not become ready:\n{output}");
    }

    /// <summary>The server's GC heap after a full GC it is made to do (as dotnet-gcdump does, through the diagnostics port) and its working set, in bytes.</summary>
    public (long GcHeap, long WorkingSet) Measure()
    {
        var client = new DiagnosticsClient(_process.Id);
        var keywords = (long)(ClrTraceEventParser.Keywords.GC | ClrTraceEventParser.Keywords.GCHeapCollect);
        using var session = client.StartEventPipeSession([new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, keywords)], requestRundown: false);
        using var source = new EventPipeEventSource(session.EventStream);
        var induced = false;
        long heap = -1;
        source.Clr.GCStart += e => induced |= e.Reason == GCReason.Induced && e.Depth == 2;
        source.Clr.GCHeapStats += e =>
        {
            if (!induced || heap >= 0) return;
            heap = e.TotalHeapSize;
            Task.Run(session.Stop);
        };
        var processing = Task.Run(source.Process);
        if (!processing.Wait(TimeSpan.FromSeconds(60))) throw new TimeoutException("no induced GC was reported");
        if (heap < 0) throw new InvalidOperationException("the server reported no heap after the induced GC");
        _process.Refresh();
        return (heap, _process.WorkingSet64);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
