using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using SlaAdmin.Benchmarks;

// dotnet run -c Release --project tests/SlaAdmin.Benchmarks [-- --runs 3 --only obligations --regenerate]
//
// Without --case this is the conductor: it makes the test catalogue once (kept under artifacts/),
// then runs every case in a fresh child process, so each peak working set belongs to one case alone.
// The catalogue grid at 10,000 and 100,000 services on SQLite and PostgreSQL (-- --catalogue), see CatalogueSearch.cs.
if (args.Contains("--catalogue")) return await CatalogueSearchBenchmark.RunFromCommandLineAsync(args, Options.RepositoryRoot());
if (args is [ReadingBenchmarks.BareServerArgument, var bareUrl])
{
    await ReadingBenchmarks.RunBareServerAsync(bareUrl);
    return 0;
}
if (args.Contains("--reading"))
{
    // dotnet run -c Release --project tests/SlaAdmin.Benchmarks -- --reading (build src/SlaAdmin.Web in Release first)
    var reading = await ReadingBenchmarks.RunAsync(readers: 50, editors: 20, requests: 50, starts: 5, ReadingBenchmarks.Configuration());
    var readingTable = ReadingBenchmarks.Markdown(reading);
    Console.WriteLine(readingTable);
    Directory.CreateDirectory(Path.Combine(Options.RepositoryRoot(), "artifacts", "benchmarks"));
    await File.WriteAllTextAsync(Path.Combine(Options.RepositoryRoot(), "artifacts", "benchmarks", "reading.md"), readingTable);
    return 0;
}
var options = Options.Parse(args);
if (options.Case is { } caseName)
{
    var result = await Cases.RunAsync(caseName, options.Database, options.OutputFolder);
    Console.WriteLine("RESULT " + JsonSerializer.Serialize(result));
    return 0;
}

var root = Options.RepositoryRoot();
var folder = Path.Combine(root, "artifacts", "benchmarks");
Directory.CreateDirectory(folder);
var database = Path.Combine(folder, $"catalogue-{options.Services}.db");
if (options.Regenerate || !await CatalogueGenerator.IsCurrentAsync(database))
{
    await CatalogueGenerator.GenerateAsync(database, options.Services);
}

var results = new List<CaseResult>();
foreach (var name in Cases.Names.Where(n => options.Only is null || n.Contains(options.Only, StringComparison.OrdinalIgnoreCase)))
{
    var runs = new List<CaseResult>();
    for (var run = 0; run < options.Runs; run++)
    {
        runs.Add(RunChild(name, database, folder));
        var r = runs[^1];
        Console.Error.WriteLine($"{name,-27} run {run + 1}: first {r.FirstSeconds,6:N2} s, again {r.AgainSeconds,6:N2} s, peak {r.PeakMegabytes,6:N0} MB ({r.PeakAfterBothMegabytes,6:N0} MB after both)");
    }
    // The median times of the runs, and the highest peaks any of them reached.
    results.Add(runs[0] with
    {
        FirstSeconds = Median(runs.Select(r => r.FirstSeconds)),
        AgainSeconds = Median(runs.Select(r => r.AgainSeconds)),
        PeakMegabytes = runs.Max(r => r.PeakMegabytes),
        PeakAfterBothMegabytes = runs.Max(r => r.PeakAfterBothMegabytes),
    });
}

var table = Report.Markdown(results, options.Runs);
Console.WriteLine(table);
await File.WriteAllTextAsync(Path.Combine(folder, "results.md"), table);
return 0;

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToList();
    return sorted[sorted.Count / 2];
}

static CaseResult RunChild(string name, string database, string folder)
{
    var self = Environment.ProcessPath!;
    var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, UseShellExecute = false };
    // Under `dotnet SlaAdmin.Benchmarks.dll` the process is dotnet itself: pass the assembly on.
    if (Path.GetFileNameWithoutExtension(self) == "dotnet") start.ArgumentList.Add(typeof(Cases).Assembly.Location);
    foreach (var a in new[] { "--case", name, "--db", database, "--out", folder }) start.ArgumentList.Add(a);

    using var child = Process.Start(start)!;
    var output = child.StandardOutput.ReadToEnd();
    child.WaitForExit();
    var line = output.Split('\n').LastOrDefault(l => l.StartsWith("RESULT ", StringComparison.Ordinal))
        ?? throw new InvalidOperationException($"case {name} failed (exit {child.ExitCode}):\n{output}");
    return JsonSerializer.Deserialize<CaseResult>(line["RESULT ".Length..])!;
}

internal sealed record Options(string? Case, string Database, string OutputFolder, int Runs, string? Only, bool Regenerate, int Services)
{
    public static Options Parse(string[] args)
    {
        string? Value(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        return new Options(
            Value("--case"),
            Value("--db") ?? "",
            Value("--out") ?? Path.GetTempPath(),
            int.Parse(Value("--runs") ?? "3", CultureInfo.InvariantCulture),
            Value("--only"),
            args.Contains("--regenerate"),
            int.Parse(Value("--services") ?? "10000", CultureInfo.InvariantCulture));
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SlaAdmin.sln"))) return dir.FullName;
        }
        return Directory.GetCurrentDirectory();
    }
}

internal static class Report
{
    public static string Markdown(IReadOnlyList<CaseResult> results, int runs)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"Each case in {runs} fresh processes; each process builds the EF model (as the app does at start), then exports");
        sb.AppendLine("twice. Times are medians: first = the first export (query compilation and JIT included), again = the second.");
        sb.AppendLine("Peak = the highest peak working set after the first export (after both in brackets); file = the workbook's size.");
        sb.AppendLine();
        sb.AppendLine("| case | writer | rows | first (s) | again (s) | peak MB | file MB |");
        sb.AppendLine("|---|---|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"| {r.Export} | {r.Writer} | {r.Rows:N0} | {r.FirstSeconds:N2} | {r.AgainSeconds:N2} | {r.PeakMegabytes:N0} ({r.PeakAfterBothMegabytes:N0}) | {r.FileMegabytes:N1} |");
        }
        return sb.ToString();
    }
}
