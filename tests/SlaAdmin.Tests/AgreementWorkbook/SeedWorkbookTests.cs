using SlaAdmin.Excel;
using SlaAdmin.Features.Agreements.Workbook;
using Microsoft.EntityFrameworkCore;
using SlaAdmin.Data.Entities;
using SlaAdmin.Features.Agreements;
using SlaAdmin.Tests.TestSupport;
using static SlaAdmin.Tests.AgreementWorkbook.AgreementWorkbookRoundTripTests;

namespace SlaAdmin.Tests.AgreementWorkbook;

/// <summary>The five seed agreements as readers see them (version 1 in force), loaded once.</summary>
public sealed class SeedVersions : IAsyncLifetime
{
    private readonly TestDatabase _database = new();
    private Dictionary<string, AgreementVersion> _versions = [];

    public async Task InitializeAsync()
    {
        await _database.SeedAsync();
        await using var db = _database.CreateDbContext();
        var titles = (await db.Agreements.AsNoTracking().Select(a => new { a.Id, a.EService.Title }).ToListAsync()).ToDictionary(a => a.Id, a => a.Title);
        var versions = await AgreementStore.WithEverything(AgreementStore.ReadingVersions(db)).ToListAsync();
        _versions = versions.ToDictionary(v => titles[v.AgreementId]);
    }

    public AgreementVersion Version(string serviceTitle) => _versions[serviceTitle];

    public Task DisposeAsync()
    {
        _database.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>The five seed agreements, as stored, through the workbook and back.</summary>
public sealed class SeedWorkbookTests(SeedVersions seeds) : IClassFixture<SeedVersions>
{
    private static readonly string[] SeedTitles =
    [
        "صدور گواهی احراز اصالت و سلامت اداری",
        "توسعه و پشتیبانی سامانه‌های ملی ارائه خدمات هوشمند",
        "صدور تاییدیه فنی نرم‌افزار",
        "راهبری دریافت سرویس از مرکز ملی تبادل اطلاعات",
        "توافقنامه سطح خدمات استانداری خراسان جنوبی",
    ];

    public static TheoryData<string> Titles() => [.. SeedTitles];

    [Theory]
    [MemberData(nameof(Titles))]
    public void Seed_workbook_parses_back_to_the_stored_content(string title)
    {
        var model = AgreementWorkbookModel.FromVersion(seeds.Version(title), []);

        var first = AgreementWorkbookExporter.Export(model, "a");
        var parsed = AgreementWorkbookImporter.Parse(new MemoryStream(first));

        Assert.True(parsed.IsValid, string.Join("\n", parsed.Problems));
        AssertSameContent(model, parsed.Model!);
        Assert.Equal(Cells(first), Cells(AgreementWorkbookExporter.Export(parsed.Model! with { Status = model.Status }, "a")));
    }

    [Fact]
    public void Only_seed_002_warns_and_only_about_its_iban()
    {
        var warnings = SeedTitles
            .SelectMany(t => AgreementWorkbookImporter.Parse(new MemoryStream(AgreementWorkbookExporter.Export(AgreementWorkbookModel.FromVersion(seeds.Version(t), []), "a"))).Problems)
            .ToList();

        var warning = Assert.Single(warnings);
        Assert.Equal((ProblemSeverity.Warning, "پرداخت", 4), (warning.Severity, warning.Sheet, warning.Column));
    }
}
