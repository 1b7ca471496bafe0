using System.Net;
using ClosedXML.Excel;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SlaAdmin.Auth;
using SlaAdmin.Features.Agreements.Workbook;

namespace SlaAdmin.IntegrationTests.PostgreSql;

/// <summary>
/// Two instances of the app on one PostgreSQL database, as in a farm behind a load balancer.
/// tests/run.sh starts a throwaway server and sets SLAADMIN_TEST_POSTGRES; without it these tests fail.
/// </summary>
public sealed class MultiInstanceTests : IAsyncLifetime
{
    private readonly string _database = $"slaadmin_test_{Guid.NewGuid():N}";
    private string _adminConnection = "";
    private SlaAppFactory _first = null!;
    private SlaAppFactory _second = null!;

    public async Task InitializeAsync()
    {
        _adminConnection = System.Environment.GetEnvironmentVariable("SLAADMIN_TEST_POSTGRES")
            ?? throw new InvalidOperationException("SLAADMIN_TEST_POSTGRES is not set: run the tests with tests/run.sh, which starts a PostgreSQL server.");
        await using (var admin = new NpgsqlConnection(_adminConnection))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{_database}\"", admin);
            await create.ExecuteNonQueryAsync();
        }
        var connection = new NpgsqlConnectionStringBuilder(_adminConnection) { Database = _database }.ConnectionString;
        _first = new SlaAppFactory { DatabaseProvider = "PostgreSql", ConnectionString = connection };
        _second = new SlaAppFactory { DatabaseProvider = "PostgreSql", ConnectionString = connection };

        // Both start at once: migrations and seeding must not trip over each other.
        await Task.WhenAll(Task.Run(() => _first.Server), Task.Run(() => _second.Server));
    }

    [Fact]
    public async Task Both_instances_are_healthy_and_the_seeds_arrive_once()
    {
        Assert.Equal(HttpStatusCode.OK, (await _first.CreateClient(role: null).GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _second.CreateClient(role: null).GetAsync("/health")).StatusCode);

        await using var db = _first.CreateDbContext();
        Assert.Equal(5, await db.Services.CountAsync());
        Assert.Equal(5, await db.Agreements.CountAsync());
        Assert.True(db.Database.IsNpgsql());
    }

    [Fact]
    public async Task The_agreement_page_query_reads_every_seeded_agreement_whole_on_postgresql()
    {
        // One UNION ALL over every part: PostgreSQL types a UNION's columns more strictly than SQLite does.
        var store = _first.Services.CreateScope().ServiceProvider.GetRequiredService<SlaAdmin.Features.Agreements.AgreementStore>();
        await using var db = _first.CreateDbContext();
        foreach (var agreement in await db.Agreements.Select(a => new { a.Id, Reading = a.InForceVersionId ?? a.WorkingVersionId }).ToListAsync())
        {
            var whole = await SlaAdmin.Features.Agreements.AgreementStore.WithEverything(db.AgreementVersions).SingleAsync(v => v.Id == agreement.Reading);

            var view = await store.LoadAsync(agreement.Id);

            Assert.Equal(SlaAdmin.Data.Entities.AgreementContent.Of(whole), view!.Content);
            Assert.True(view.IsWhole);
        }
    }

    [Fact]
    public void A_cookie_protected_by_one_instance_is_read_by_the_other()
    {
        var protectedByFirst = _first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("سلام");
        var readBySecond = _second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(protectedByFirst);
        Assert.Equal("سلام", readBySecond);
    }

    [Fact]
    public async Task Two_people_saving_the_same_agreement_on_two_instances_do_not_overwrite_each_other()
    {
        // Published versions are frozen; two people edit the same draft.
        int draftId;
        await using (var setup = _first.CreateDbContext())
        {
            var inForce = await SlaAdmin.Features.Agreements.AgreementStore.WithEverything(setup.AgreementVersions).OrderBy(v => v.Id).FirstAsync();
            var draft = SlaAdmin.Data.Entities.AgreementContent.Of(inForce).ToVersion(2, SlaAdmin.Data.Entities.AgreementStatus.Draft);
            draft.AgreementId = inForce.AgreementId;
            setup.AgreementVersions.Add(draft);
            await setup.SaveChangesAsync();
            draftId = draft.Id;
        }
        await using var a = _first.CreateDbContext();
        await using var b = _second.CreateDbContext();
        var mine = await a.AgreementVersions.SingleAsync(v => v.Id == draftId);
        var theirs = await b.AgreementVersions.SingleAsync(v => v.Id == draftId);

        theirs.Signatory = "نفر دوم";
        await b.SaveChangesAsync();

        mine.Signatory = "نفر اول";
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => a.SaveChangesAsync());
    }

    [Fact]
    public async Task Persian_search_folds_the_same_way_on_postgresql()
    {
        await using var db = _first.CreateDbContext();
        var filter = new SlaAdmin.Features.Catalogue.CatalogueFilter(Search: "گواهي");
        var titles = await filter.Apply(db, DateOnly.FromDateTime(DateTime.Today)).Select(e => e.Service.Title).ToListAsync();
        Assert.Contains(titles, t => t.Contains("گواهی", StringComparison.Ordinal));
    }

    /// <summary>An import previewed on one instance and applied on both at the same moment: exactly one writes.</summary>
    [Fact]
    public async Task A_preview_made_on_one_instance_is_applied_once_when_both_apply_it_at_once()
    {
        int id;
        await using (var db = _first.CreateDbContext())
            id = await db.Agreements.Where(a => a.EService.Title == "صدور تاییدیه فنی نرم‌افزار").Select(a => a.Id).SingleAsync();
        var exported = await (await _first.CreateClient(Roles.Administrator).GetAsync($"/export/agreements/{id}.xlsx")).Content.ReadAsByteArrayAsync();
        using var output = new MemoryStream();
        using (var workbook = new XLWorkbook(new MemoryStream(exported)))
        {
            workbook.Worksheet("تعهدات").Cell(2, 3).SetValue("متن تازه از نمونه نخست");
            workbook.SaveAs(output);
        }
        var (firstImporter, firstAdmin) = await ImporterAsync(_first);
        var (secondImporter, secondAdmin) = await ImporterAsync(_second);

        var preview = await firstImporter.PreviewAsync(AgreementWorkbookImporter.Parse(new MemoryStream(output.ToArray())), firstAdmin);
        Assert.True(preview.CanApply, string.Join("\n", preview.Problems));
        Assert.True((await secondImporter.StoredAsync(preview.Token!.Value, secondAdmin)).CanApply);

        var outcomes = await Task.WhenAll(firstImporter.ApplyAsync(preview.Token!.Value, firstAdmin), secondImporter.ApplyAsync(preview.Token!.Value, secondAdmin));

        Assert.Single(outcomes, o => o.Succeeded);
        Assert.Equal(AgreementWorkbookImporter.AlreadyUsedMessage, outcomes.Single(o => !o.Succeeded).Message);
        await using var after = _second.CreateDbContext();
        Assert.Equal(2, await after.AgreementVersions.CountAsync(v => v.AgreementId == id));
        Assert.False(await after.ImportPreviews.AnyAsync());
    }

    private static async Task<(AgreementWorkbookImporter, System.Security.Claims.ClaimsPrincipal)> ImporterAsync(SlaAppFactory app)
    {
        var services = app.Services.CreateScope().ServiceProvider;
        return (services.GetRequiredService<AgreementWorkbookImporter>(), await TestAuth.PrincipalAsync(services, Roles.Administrator));
    }

    public async Task DisposeAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(_adminConnection);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
