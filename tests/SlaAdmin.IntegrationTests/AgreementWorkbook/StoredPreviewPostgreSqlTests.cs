using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SlaAdmin.Auth;
using SlaAdmin.Features.Agreements.Workbook;

namespace SlaAdmin.IntegrationTests.AgreementWorkbook;

/// <summary>
/// An import previewed on one instance and applied on two at the same moment, on one PostgreSQL
/// database: exactly one writes. tests/run.sh sets SLAADMIN_TEST_POSTGRES; without it this fails.
/// </summary>
public sealed class StoredPreviewPostgreSqlTests : IAsyncLifetime
{
    private const string Approval = "صدور تاییدیه فنی نرم‌افزار";
    private readonly string _database = $"slaadmin_test_{Guid.NewGuid():N}";
    private string _adminConnection = "";
    private SlaAppFactory _first = null!;
    private SlaAppFactory _second = null!;

    public async Task InitializeAsync()
    {
        _adminConnection = System.Environment.GetEnvironmentVariable("SLAADMIN_TEST_POSTGRES")
            ?? throw new InvalidOperationException("SLAADMIN_TEST_POSTGRES is not set: run the tests with tests/run.sh, which starts a PostgreSQL server.");
        var connection = new NpgsqlConnectionStringBuilder(_adminConnection) { Database = _database }.ConnectionString;
        _first = new SlaAppFactory { DatabaseProvider = "PostgreSql", ConnectionString = connection };
        _second = new SlaAppFactory { DatabaseProvider = "PostgreSql", ConnectionString = connection };
        _ = _first.Server; // creates, migrates and seeds the database
        _ = _second.Server;
        await Task.CompletedTask;
    }

    [Fact]
    public async Task A_preview_made_on_one_instance_is_applied_once_when_both_apply_it_at_once()
    {
        int id;
        await using (var db = _first.CreateDbContext())
            id = await db.Agreements.Where(a => a.EService.Title == Approval).Select(a => a.Id).SingleAsync();
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
