using Microsoft.EntityFrameworkCore;
using SlaAdmin.Data.Entities;
using SlaAdmin.Features.Catalogue;
using SlaAdmin.Tests.TestSupport;

namespace SlaAdmin.Tests.Features.Catalogue;

public sealed class CatalogueFilterTests : IAsyncLifetime
{
    private static readonly DateOnly Today = new(2024, 12, 31);
    private readonly TestDatabase _database = new();

    public Task InitializeAsync() => _database.SeedAsync();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Sorting_by_validity_puts_agreements_without_an_end_date_last_either_way(bool descending)
    {
        var titles = await TitlesAsync(new CatalogueFilter(Sort: CatalogueSort.ValidUntil, Descending: descending));

        Assert.Equal(Seeded.SoftwareApproval, titles[^1]); // «تا پایان دولت یازدهم»: no date
        var first = descending ? Seeded.SmartServices : Seeded.Khorasan; // 1403/12/30 and 1398/12/29
        Assert.Equal(first, titles[0]);
    }

    [Fact]
    public async Task Sorting_by_validity_reads_the_version_in_force_not_a_newer_draft()
    {
        // Version 1 of 001 runs to 1403/12/30, the latest of the seeds; a draft version 2 would end in 2010.
        var smart = await AgreementIdAsync(Seeded.SmartServices);
        await Drafts.StartAsync(_database, smart, c => c with { ValidUntil = new DateOnly(2010, 1, 1) });

        var titles = await TitlesAsync(new CatalogueFilter(Sort: CatalogueSort.ValidUntil));

        Assert.Equal(Seeded.Khorasan, titles[0]);
        Assert.Equal(Seeded.SmartServices, titles[^2]);
    }

    [Fact]
    public async Task Expiring_soon_reads_the_version_in_force_not_a_draft()
    {
        // 001 ends 1403/12/30, within 90 days of 1403/10/11; its draft would run ten more years.
        var smart = await AgreementIdAsync(Seeded.SmartServices);
        await Drafts.StartAsync(_database, smart, c => c with { ValidUntil = new DateOnly(2035, 3, 20) });

        Assert.Equal([Seeded.SmartServices], await TitlesAsync(new CatalogueFilter(ExpiringWithinDays: 90)));
    }

    [Fact]
    public async Task Expired_keeps_the_agreements_whose_version_in_force_has_ended_whatever_their_drafts_say()
    {
        // On 1403/10/11: 004 ended 1398/12/29, 000 1400/12/29, 003 1401/12/29; 001 runs to 1403/12/30 and
        // 002 has no end date («تا پایان دولت یازدهم»: unknown, so not called expired).
        var certificate = await AgreementIdAsync(Seeded.Certificate);
        await Drafts.StartAsync(_database, certificate, c => c with { ValidUntil = new DateOnly(2035, 3, 20) });

        Assert.Equal([Seeded.Khorasan, Seeded.Certificate, Seeded.ExchangeCentre],
            await TitlesAsync(new CatalogueFilter(Sort: CatalogueSort.ValidUntil, Expired: true)));
    }

    private async Task<int> AgreementIdAsync(string serviceTitle)
    {
        await using var db = _database.CreateDbContext();
        return await db.Agreements.Where(a => a.EService.Title == serviceTitle).Select(a => a.Id).SingleAsync();
    }

    private async Task<List<string>> TitlesAsync(CatalogueFilter filter)
    {
        await using var db = _database.CreateDbContext();
        return await filter.Apply(db, Today).Select(e => e.Service.Title).ToListAsync();
    }

    public Task DisposeAsync()
    {
        _database.Dispose();
        return Task.CompletedTask;
    }
}
