using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SlaAdmin.Auth;
using SlaAdmin.Features.Agreements;
using SlaAdmin.Hosting;

namespace SlaAdmin.IntegrationTests.Exports;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AllocationCollection
{
    /// <summary>Tests that measure the process's allocations run alone.</summary>
    public const string Name = "Allocations";
}

/// <summary>The big exports are bounded: few at once per instance, and no agreement workbook over the limits.</summary>
[Collection(AllocationCollection.Name)]
public sealed class ExportLimitTests : IDisposable
{
    private const string Approval = "صدور تاییدیه فنی نرم‌افزار";
    private const string SlowHeader = "X-Test-Slow-Client";
    private readonly SlaAppFactory _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task While_two_exports_are_downloading_a_third_of_any_kind_is_told_to_wait_and_later_ones_run()
    {
        var gate = new SlowClients();
        using var app = _app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IStartupFilter>(gate)));
        var id = await AgreementIdAsync(Approval);
        HttpClient Client(bool slow = false)
        {
            var client = app.CreateClient();
            client.DefaultRequestHeaders.Add(TestAuth.RoleHeader, Roles.Viewer);
            if (slow) client.DefaultRequestHeaders.Add(SlowHeader, "1");
            return client;
        }

        // Two viewers whose downloads stall after the first bytes, as on a slow line.
        var held = new[] { Client(slow: true).GetAsync("/export/obligations.xlsx"), Client(slow: true).GetAsync("/export/data-register.xlsx") };
        await gate.BothWriting.Task.WaitAsync(TimeSpan.FromMinutes(1));
        Assert.Equal(["/export/data-register.xlsx 200", "/export/obligations.xlsx 200"], gate.Stalled.Order());

        foreach (var url in new[] { "/export/catalogue.xlsx", "/export/obligations.xlsx", "/export/data-register.xlsx", $"/export/agreements/{id}.xlsx" })
        {
            using var refused = await Client().GetAsync(url);
            Assert.True(refused.StatusCode == HttpStatusCode.ServiceUnavailable,
                $"{url}: {(int)refused.StatusCode}, while {string.Join(" and ", gate.Stalled)} were held");
            Assert.Equal(TimeSpan.FromSeconds(ExportConcurrency.RetryAfterSeconds), refused.Headers.RetryAfter?.Delta);
            var problem = await refused.Content.ReadFromJsonAsync<Problem>();
            Assert.Equal(ExportConcurrency.BusyMessage, problem!.Detail);
        }
        // Someone signed out is sent to sign in, busy or not: only those allowed to export wait their turn.
        using (var anonymous = await app.CreateClient(new() { AllowAutoRedirect = false }).GetAsync("/export/obligations.xlsx"))
        {
            Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
            Assert.StartsWith("/Account/Login", anonymous.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
        // The blank template is small and not limited.
        using (var template = await Client().GetAsync("/export/agreements/template.xlsx")) Assert.Equal(HttpStatusCode.OK, template.StatusCode);

        gate.Release.SetResult();
        foreach (var response in await Task.WhenAll(held)) Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var after = await Client().GetAsync($"/export/agreements/{id}.xlsx");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    /// <summary>The issue's case: a 100,000-row agreement stored before there were limits made a 35 s, 1.9 GB export any viewer could start.</summary>
    [Fact]
    public async Task A_stored_agreement_over_the_limits_is_refused_by_counting_without_loading_its_rows()
    {
        var id = await AgreementIdAsync(Approval);
        int rows;
        await using (var db = _app.CreateDbContext())
        {
            var version = await db.Agreements.Where(a => a.Id == id).Select(a => a.InForceVersionId).SingleAsync();
            // Written straight into the table, as the rows got there before the editor and the import had limits.
            await db.Database.ExecuteSqlAsync($"""
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000)
                INSERT INTO Obligations (AgreementVersionId, ClauseId, "Order", Side, Target, Text)
                SELECT {version}, upper(printf('%08x-0000-4000-8000-%012x', i, i)), 1000 + i, 'Provider', NULL, 'سازمان پاسخ را در یک روز کاری می‌دهد؛ ردیف ' || i FROM n
                """);
            rows = await db.Obligations.CountAsync(o => o.AgreementVersionId == version);
        }
        var client = _app.CreateClient(Roles.Viewer);
        using (var warm = await client.GetAsync($"/export/agreements/{id}.xlsx")) Assert.Equal(HttpStatusCode.UnprocessableEntity, warm.StatusCode);

        var before = GC.GetTotalAllocatedBytes(precise: true);
        using var response = await client.GetAsync($"/export/agreements/{id}.xlsx");
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.True(rows > 100_000);
        var problem = await response.Content.ReadFromJsonAsync<Problem>();
        Assert.StartsWith(AgreementLimits.TooManyRows("بخش «تعهدات»", rows), problem!.Detail, StringComparison.Ordinal);
        Assert.Contains("کارپوشه این توافقنامه", problem.Detail, StringComparison.Ordinal);
        // Loading the rows alone would allocate hundreds of megabytes; counting them allocates next to nothing.
        Assert.True(allocated < 16L * 1024 * 1024, $"{allocated / (1024 * 1024)} MB allocated");
    }

    private async Task<int> AgreementIdAsync(string title)
    {
        await using var db = _app.CreateDbContext();
        return await db.Agreements.Where(a => a.EService.Title == title).Select(a => a.Id).SingleAsync();
    }

    private sealed record Problem(string? Title, string? Detail, int? Status);

    /// <summary>Requests with <see cref="SlowHeader"/> stall at their first write until released, holding their place.</summary>
    private sealed class SlowClients : IStartupFilter
    {
        private int _writing;

        /// <summary>The held requests, «path status» as each first wrote.</summary>
        public System.Collections.Concurrent.ConcurrentQueue<string> Stalled { get; } = new();

        public TaskCompletionSource BothWriting { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, inner) =>
            {
                if (context.Request.Headers.ContainsKey(SlowHeader)) context.Response.Body = new Stalling(context, this);
                await inner();
            });
            next(app);
        };

        private async Task StallAsync(HttpContext context)
        {
            Stalled.Enqueue($"{context.Request.Path} {context.Response.StatusCode}");
            if (Interlocked.Increment(ref _writing) == 2) BothWriting.SetResult();
            await Release.Task;
        }

        private sealed class Stalling(HttpContext context, SlowClients gate) : Stream
        {
            private readonly Stream _inner = context.Response.Body;
            private bool _stalled;

            public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
            {
                if (!_stalled)
                {
                    _stalled = true;
                    await gate.StallAsync(context);
                }
                await _inner.WriteAsync(buffer, cancellationToken);
            }

            public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
                WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

            public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer, offset, count).GetAwaiter().GetResult();
            public override Task FlushAsync(CancellationToken cancellationToken) => _inner.FlushAsync(cancellationToken);
            public override void Flush() => _inner.Flush();
            public override bool CanRead => false;
            public override bool CanSeek => false;
            public override bool CanWrite => true;
            public override long Length => throw new NotSupportedException();
            public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
            public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
            public override void SetLength(long value) => throw new NotSupportedException();
        }
    }
}
