extern alias benchmarks;

using benchmarks::SlaAdmin.Benchmarks;

namespace SlaAdmin.BrowserTests;

/// <summary>
/// The reading benchmarks (tests/SlaAdmin.Benchmarks -- --reading) in a small run, so CI proves they
/// work: the app started as a process, a few readers and editors in Chromium, a few requests and
/// starts. It asserts that every figure was measured, never how large or fast it is.
/// </summary>
public sealed class ReadingBenchmarkRun
{
    [Fact]
    public async Task A_small_run_measures_readers_editors_the_page_and_start_up()
    {
        if (!File.Exists(AppServer.ChromiumPath)) throw new InvalidOperationException($"Chromium is not installed at {AppServer.ChromiumPath}: run the tests with tests/run.sh.");

        var result = await ReadingBenchmarks.RunAsync(readers: 3, editors: 2, requests: 3, starts: 1, ReadingBenchmarks.Configuration());

        Assert.True(result.ReaderWorkingSetKilobytes is not double.NaN && result.EditorWorkingSetKilobytes is not double.NaN);
        Assert.True(result.EditorHeapKilobytes > 0, $"an idle editor holds a circuit: {result.EditorHeapKilobytes} KB");
        Assert.True(result.PageMilliseconds > 0 && result.HandSqlMilliseconds > 0);
        Assert.True(result.StartSeconds > 0 && result.BareStartSeconds > 0);
        Assert.Contains("memory per idle reader", ReadingBenchmarks.Markdown(result), StringComparison.Ordinal);
    }
}
