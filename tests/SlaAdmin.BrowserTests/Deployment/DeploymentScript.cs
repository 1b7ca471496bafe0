using System.Diagnostics;

namespace SlaAdmin.BrowserTests.Deployment;

/// <summary>Runs a script of tests/deploy and fails with its output when it exits non-zero.</summary>
internal static class DeploymentScript
{
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>The configuration this test assembly was built in, so a script publishes that build instead of building again.</summary>
#if DEBUG
    public const string Configuration = "Debug";
#else
    public const string Configuration = "Release";
#endif

    public static async Task<string> RunAsync(string script, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryRoot };
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
