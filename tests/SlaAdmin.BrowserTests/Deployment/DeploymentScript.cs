using System.Diagnostics;

namespace SlaAdmin.BrowserTests.Deployment;

/// <summary>Runs a script of tests/deploy and fails with its output when it exits non-zero.</summary>
internal static class DeploymentScript
{
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>The configuration this test assembly was built in, so the app is published from that build instead of built again.</summary>
#if DEBUG
    public const string Configuration = "Debug";
#else
    public const string Configuration = "Release";
#endif

    /// <summary>
    /// The app published once (from this build) for every script of this run: publishing the same
    /// project into several folders at once would race on its obj folder.
    /// </summary>
    private static readonly Lazy<Task<string>> Published = new(async () =>
    {
        // Beside this assembly, replaced at each run.
        var folder = Path.Combine(AppContext.BaseDirectory, "published-app");
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        await RunScriptAsync("publish.sh", [folder, Configuration], publishedApp: null);
        return folder;
    });

    /// <summary>Runs tests/deploy/<paramref name="script"/> on the app published from this build; its output.</summary>
    public static async Task<string> RunAsync(string script, params string[] arguments) =>
        await RunScriptAsync(script, arguments, await Published.Value);

    private static async Task<string> RunScriptAsync(string script, string[] arguments, string? publishedApp)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryRoot };
        if (publishedApp is not null) start.Environment["SLAADMIN_PUBLISHED"] = publishedApp;
        start.ArgumentList.Add(Path.Combine(RepositoryRoot, "tests", "deploy", script));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var text = await output + await errors;
        if (process.ExitCode != 0) throw new InvalidOperationException($"tests/deploy/{script} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{text}");
        return text;
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SlaAdmin.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("SlaAdmin.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>
/// The deployment tests start published apps, nginx and PostgreSQL databases of their own: they run alone,
/// after the journeys, so two cores are theirs (alongside a journey one of them outran a 60 s wait).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DeploymentCollection
{
    public const string Name = "Deployment";
}
