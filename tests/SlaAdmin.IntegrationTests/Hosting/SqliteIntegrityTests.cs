using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SlaAdmin.Data;

namespace SlaAdmin.IntegrationTests.Hosting;

/// <summary>
/// <c>SlaAdmin.Web check-sqlite</c>, which the backup and restore scripts run: a sound copy passes, a
/// torn one is refused, a missing one is named.
/// </summary>
public sealed class SqliteIntegrityTests : IDisposable
{
    private readonly SlaAppFactory _app = new();
    private readonly string _copy = Path.Combine(Path.GetTempPath(), $"slaadmin-check-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task A_sound_copy_passes_a_torn_one_is_refused_and_a_missing_one_is_named()
    {
        await using (var db = _app.CreateDbContext())
        {
            await db.Database.ExecuteSqlAsync($"VACUUM INTO {_copy}");
        }
        Assert.Equal(0, await SqliteIntegrity.CheckAsync(_copy));

        // A copy cut short, as `cp` of a file being written or a full disk leaves it.
        await using (var file = new FileStream(_copy, FileMode.Open))
        {
            file.SetLength(file.Length / 2);
        }
        Assert.Equal(1, await SqliteIntegrity.CheckAsync(_copy));

        Assert.Equal(2, await SqliteIntegrity.CheckAsync(_copy + ".missing"));
    }

    public void Dispose()
    {
        _app.Dispose();
        SqliteConnection.ClearAllPools();
        File.Delete(_copy);
    }
}
