using System.Net;
using ClosedXML.Excel;
using Npgsql;
using SlaAdmin.Features.Catalogue;
using SlaAdmin.Features.Agreements.Exports;

namespace SlaAdmin.IntegrationTests.Exports;

/// <summary>
/// The export queries on PostgreSQL, where several instances share a database.
/// tests/run.sh starts a throwaway server and sets SLAADMIN_TEST_POSTGRES; without it these tests fail.
/// </summary>
public sealed class PostgreSqlExportTests : IAsyncLifetime
{
    private readonly string _database = $"slaadmin_export_{Guid.NewGuid():N}";
    private string _adminConnection = "";
    private SlaAppFactory _app = null!;

    public async Task InitializeAsync()
    {
        _adminConnection = Environment.GetEnvironmentVariable("SLAADMIN_TEST_POSTGRES")
            ?? throw new InvalidOperationException("SLAADMIN_TEST_POSTGRES is not set: run the tests with tests/run.sh, which starts a PostgreSQL server.");
        await using (var admin = new NpgsqlConnection(_adminConnection))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{_database}\"", admin);
            await create.ExecuteNonQueryAsync();
        }
        _app = new SlaAppFactory
        {
            DatabaseProvider = "PostgreSql",
            ConnectionString = new NpgsqlConnectionStringBuilder(_adminConnection) { Database = _database }.ConnectionString,
        };
        await using var db = _app.CreateDbContext();
        await ExportCatalogue.ArrangeAsync(db);
    }

    [Theory]
    [InlineData("/export/data-register.xlsx", 8)]
    [InlineData("/export/obligations.xlsx", 62)]
    public async Task Register_and_obligations_hold_every_current_row(string url, int rows)
    {
        using var book = await DownloadAsync(url);
        Assert.Equal(rows + 1, book.Worksheet(1).LastRowUsed().RowNumber());
    }

    [Fact]
    public async Task Catalogue_search_with_arabic_yeh_finds_the_certificate_services()
    {
        using var book = await DownloadAsync(Catalogue(new CatalogueFilter(Search: "گواهي", Sort: CatalogueSort.Title, Descending: true)));
        var sheet = book.Worksheet(1);
        Assert.Equal(3, sheet.LastRowUsed().RowNumber());
        Assert.Equal([ExportCatalogue.Signature, ExportCatalogue.Certificate], new[] { sheet.Cell(2, 1).GetString(), sheet.Cell(3, 1).GetString() });
        Assert.Equal(10d, sheet.Cell(3, 10).GetDouble()); // seed 000: ten provider obligations
    }

    private static string Catalogue(CatalogueFilter filter) => ExportEndpoints.CataloguePath + CatalogueQueryString.From(filter);

    private async Task<XLWorkbook> DownloadAsync(string url)
    {
        using var response = await _app.CreateClient("Viewer").GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
    }

    public async Task DisposeAsync()
    {
        _app.Dispose();
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(_adminConnection);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
