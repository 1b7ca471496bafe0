using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using SlaAdmin.Data;
using SlaAdmin.Excel.Streaming;
using SlaAdmin.Features.Catalogue;
using SlaAdmin.Features.Agreements.Exports;

namespace SlaAdmin.Benchmarks;

/// <param name="PeakMegabytes">The process's peak working set after the first export.</param>
/// <param name="PeakAfterBothMegabytes">The same after the second (garbage of the first may not be collected yet).</param>
internal sealed record CaseResult(string Export, string Writer, int Rows, double FirstSeconds, double AgainSeconds, double PeakMegabytes, double PeakAfterBothMegabytes, double FileMegabytes);

/// <summary>
/// One export written by one writer, twice, in this process: timed from the query to the last byte.
/// Every writer is fed the export's own query and column definitions.
/// </summary>
internal static class Cases
{
    private static readonly string[] Exports = ["obligations", "data-register", "catalogue"];
    private static readonly string[] WriterNames = ["read-only", "streaming", "closedxml", "openxmlwriter"];

    public static IEnumerable<string> Names => Exports.SelectMany(e => WriterNames.Select(w => $"{e}/{w}"));

    public static async Task<CaseResult> RunAsync(string name, string database, string outputFolder)
    {
        var (export, writer) = (name.Split('/')[0], name.Split('/')[1]);
        var factory = new SqliteFactory(new DbContextOptionsBuilder<SlaDbContext>().UseSqlite($"Data Source={database}").Options);
        var path = Path.Combine(outputFolder, $"{export}-{writer}.xlsx");
        File.Delete(path);

        Task<int> Run(string file) => export switch
        {
            "obligations" => WriteAsync(writer, file, new ObligationsExport(factory).Sheet(), ObligationsExport.Title),
            "data-register" => WriteAsync(writer, file, new DataRegisterExport(factory).Sheet(), DataRegisterExport.Title),
            "catalogue" => WriteAsync(writer, file, new CatalogueExport(factory, TimeProvider.System).Sheet(new CatalogueFilter()), CatalogueExport.Title),
            _ => throw new ArgumentException($"unknown export {export}", nameof(name)),
        };

        // As the app does at start (migrate, check the seeds): the EF model is built before any export.
        await using (var db = factory.CreateDbContext())
        {
            _ = await db.Services.AnyAsync();
        }

        // The first export after start still pays for compiling its query and jitting the writer; its
        // peak is one export's footprint. The second is what a server that has exported before sees.
        var clock = Stopwatch.StartNew();
        var rows = await Run(path);
        var first = clock.Elapsed.TotalSeconds;
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        var peak = self.PeakWorkingSet64 / 1024d / 1024d;
        var size = new FileInfo(path).Length / 1024d / 1024d;

        File.Delete(path);
        clock.Restart();
        await Run(path);
        var again = clock.Elapsed.TotalSeconds;
        self.Refresh();
        return new CaseResult(export, writer, rows, first, again, peak, self.PeakWorkingSet64 / 1024d / 1024d, size);
    }

    private static async Task<int> WriteAsync<TRow>(string writer, string path, XlsxSheet<TRow> sheet, string title)
    {
        switch (writer)
        {
            case "streaming":
                // As on the HTTP response: forward only, asynchronous writes.
                await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, useAsync: true))
                await using (var body = new ForwardOnlyStream(file))
                {
                    var counted = new CountingSheet<TRow>(sheet);
                    await XlsxStreamWriter.WriteAsync(body, new XlsxProperties(title, "benchmark", DateTimeOffset.UtcNow), counted.Sheet);
                    return counted.Rows;
                }
            case "read-only":
                // The query alone, to tell reading from writing.
                var count = 0;
                await foreach (var _ in sheet.Rows) count++;
                await File.WriteAllBytesAsync(path, []);
                return count;
            case "closedxml":
                return await Writers.ClosedXmlAsync(path, sheet.Name, sheet.Columns, sheet.Rows);
            case "openxmlwriter":
                return await Writers.OpenXmlWriterAsync(path, sheet.Name, sheet.Columns, sheet.Rows);
            default:
                throw new ArgumentException($"unknown writer {writer}", nameof(writer));
        }
    }

    /// <summary>Counts the rows as the writer pulls them.</summary>
    private sealed class CountingSheet<TRow>
    {
        public CountingSheet(XlsxSheet<TRow> sheet) =>
            Sheet = new XlsxSheet<TRow>(sheet.Name, sheet.TableName, sheet.Columns, Count(sheet.Rows));

        public XlsxSheet<TRow> Sheet { get; }
        public int Rows { get; private set; }

        private async IAsyncEnumerable<TRow> Count(IAsyncEnumerable<TRow> rows)
        {
            await foreach (var row in rows)
            {
                Rows++;
                yield return row;
            }
        }
    }
}

/// <summary>The app's SQLite context without the rest of the app (no save interceptor: the cases only read).</summary>
internal sealed class SqliteFactory(DbContextOptions<SlaDbContext> options) : IDbContextFactory<SlaDbContext>
{
    public SlaDbContext CreateDbContext() => new SqliteSlaDbContext(options);
}

/// <summary>A file seen as an HTTP response body sees it: no seeking, no synchronous writes.</summary>
internal sealed class ForwardOnlyStream(Stream inner) : Stream
{
    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Write(byte[] buffer, int offset, int count) => throw new InvalidOperationException("Synchronous writes are disallowed.");
    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => inner.WriteAsync(buffer, cancellationToken);
    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => inner.WriteAsync(buffer, offset, count, cancellationToken);
    public override void Flush() => throw new InvalidOperationException("Synchronous flushes are disallowed.");
    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
