using Microsoft.EntityFrameworkCore;
using SlaAdmin.Data.Entities;
using SlaAdmin.Features.Agreements;
using SlaAdmin.Tests.TestSupport;

namespace SlaAdmin.Tests.Features.Agreements;

/// <summary>
/// What the agreement page costs the database: a bounded number of queries, and rows bounded by
/// <see cref="AgreementLimits.RowsPerPart"/> however many a version stored before the limits holds.
/// Not run beside other tests, so the process-wide allocation count is this test's alone.
/// </summary>
[Collection(nameof(AgreementStoreTests))]
[CollectionDefinition(nameof(AgreementStoreTests), DisableParallelization = true)]
public sealed class AgreementStoreTests : IAsyncLifetime
{
    private readonly CommandCounter _commands = new();
    private readonly TestDatabase _database;
    private readonly AgreementStore _store;

    public AgreementStoreTests()
    {
        _database = new TestDatabase(null, _commands);
        _store = new AgreementStore(_database);
    }

    public Task InitializeAsync() => _database.SeedAsync();

    public Task DisposeAsync()
    {
        _database.Dispose();
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData(Seeded.Certificate)]
    [InlineData(Seeded.SmartServices)]
    [InlineData(Seeded.SoftwareApproval)]
    [InlineData(Seeded.ExchangeCentre)]
    [InlineData(Seeded.Khorasan)]
    public async Task The_page_loads_a_whole_agreement_in_at_most_three_queries(string title)
    {
        var (agreementId, whole) = await WholeVersionInForceAsync(title);
        _commands.Reset();

        var view = await _store.LoadAsync(agreementId);

        Assert.InRange(_commands.Count, 1, 3);
        Assert.Equal(whole, view!.Content);
        Assert.True(view.IsWhole);
        Assert.Equal(whole.Obligations.Count, view.Counts.Obligations);
    }

    [Fact]
    public async Task A_version_by_number_and_the_working_version_beside_it_come_in_at_most_three_queries()
    {
        int agreementId;
        await using (var db = _database.CreateDbContext())
        {
            agreementId = db.Agreements.Single(a => a.EService.Title == Seeded.Certificate).Id;
        }
        var draftId = await Drafts.StartAsync(_database, agreementId, c => c with { DocumentTitle = "عنوان پیش‌نویس" });
        _commands.Reset();

        var draft = await _store.LoadAsync(agreementId, 2);

        Assert.InRange(_commands.Count, 1, 3);
        Assert.Equal("عنوان پیش‌نویس", draft!.Content.DocumentTitle);
        Assert.Equal(1, draft.InForceNumber);
        Assert.Equal(2, draft.Working!.Number);
        await using var check = _database.CreateDbContext();
        Assert.Equal(AgreementContent.Of(await AgreementStore.WithEverything(check.AgreementVersions).SingleAsync(v => v.Id == draftId)), draft.Content);
    }

    [Fact]
    public async Task Unknown_agreements_and_versions_are_null()
    {
        var (agreementId, _) = await WholeVersionInForceAsync(Seeded.Certificate);

        Assert.Null(await _store.LoadAsync(agreementId + 1000));
        Assert.Null(await _store.LoadAsync(agreementId, 9));
    }

    [Fact]
    public async Task A_version_stored_with_100000_obligations_loads_only_the_first_rows_and_counts_them_all_in_flat_memory()
    {
        var (agreementId, whole) = await WholeVersionInForceAsync(Seeded.Certificate);

        // The reference: the same version holding a thousand obligations more than its own, measured in this run.
        await AddObligationsAsync(agreementId, 1, 1_000);
        var reference = await AllocatedWhileLoadingAsync(agreementId);
        await AddObligationsAsync(agreementId, 1_001, 100_000);
        var hostile = await AllocatedWhileLoadingAsync(agreementId);

        _commands.Reset();
        var view = (await _store.LoadAsync(agreementId))!;
        Assert.InRange(_commands.Count, 1, 3);
        Assert.False(view.IsWhole);
        Assert.Equal(AgreementLimits.RowsPerPart, view.Content.Obligations.Count);
        Assert.Equal(whole.Obligations.Count + 100_000, view.Counts.Obligations);
        Assert.Equal([("تعهدات", whole.Obligations.Count + 100_000)], view.Counts.OverLimit);
        // The version's own obligations (provider side first, in their order) come first; the other parts are whole.
        Assert.Equal(whole.ObligationsOf(ObligationSide.Provider).Select(o => o.Text), view.Content.ObligationsOf(ObligationSide.Provider).Take(whole.ObligationsOf(ObligationSide.Provider).Count()).Select(o => o.Text));
        Assert.Equal(whole.Sections, view.Content.Sections);
        Assert.Equal(whole.Payments, view.Content.Payments);
        // Loading every row would allocate about a hundred times the reference.
        Assert.True(hostile < reference * 3 / 2, $"loading the 100,000-row version allocated {hostile:N0} bytes; with 1,000 rows, {reference:N0}");
    }

    private async Task<(int AgreementId, AgreementContent Whole)> WholeVersionInForceAsync(string title)
    {
        await using var db = _database.CreateDbContext();
        var agreement = await db.Agreements.SingleAsync(a => a.EService.Title == title);
        var version = await AgreementStore.WithEverything(db.AgreementVersions).SingleAsync(v => v.Id == (agreement.InForceVersionId ?? agreement.WorkingVersionId));
        return (agreement.Id, AgreementContent.Of(version));
    }

    /// <summary>Recipient-side obligations written straight into the published version, as a database from before the limits may hold them.</summary>
    private async Task AddObligationsAsync(int agreementId, int from, int to)
    {
        await using var db = _database.CreateDbContext();
        var versionId = (await db.Agreements.SingleAsync(a => a.Id == agreementId)).InForceVersionId!.Value;
        await db.Database.ExecuteSqlAsync($"""
            WITH RECURSIVE n(i) AS (SELECT {from} UNION ALL SELECT i + 1 FROM n WHERE i < {to})
            INSERT INTO Obligations (AgreementVersionId, ClauseId, Side, "Order", Text, Target)
            SELECT {versionId}, printf('00000000-0000-4000-8000-%012X', i), 'Recipient', 1000 + i, 'تعهد افزوده شماره ' || i, NULL FROM n
            """);
    }

    private async Task<long> AllocatedWhileLoadingAsync(int agreementId)
    {
        await _store.LoadAsync(agreementId); // warm: compiled queries and caches are not the page's cost
        GC.Collect();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        await _store.LoadAsync(agreementId);
        return GC.GetTotalAllocatedBytes(precise: true) - before;
    }
}
