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
    public async Task Sorting_by_validity_reads_the_current_version_not_an_older_one()
    {
        await using (var db = _database.CreateDbContext())
        {
            // Version 1 runs to 1403/12/30, the latest of the seeds; a new version 2 ends far earlier.
            var smart = await db.Agreements.SingleAsync(a => a.EService.Title == Seeded.SmartServices);
            db.AgreementVersions.Add(new AgreementVersion { AgreementId = smart.Id, Number = 2, ValidUntil = new DateOnly(2010, 1, 1) });
            await db.SaveChangesAsync();
        }

        var titles = await TitlesAsync(new CatalogueFilter(Sort: CatalogueSort.ValidUntil));

        Assert.Equal(Seeded.SmartServices, titles[0]);
    }

    private async Task<List<string>> TitlesAsync(CatalogueFilter filter)
    {
        await using var db = _database.CreateDbContext();
        return await filter.Apply(db.Services, Today).Select(s => s.Title).ToListAsync();
    }

    public Task DisposeAsync()
    {
        _database.Dispose();
        return Task.CompletedTask;
    }
}
