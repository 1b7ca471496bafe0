using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SlaAdmin.Data;
using SlaAdmin.Data.Seeds;

namespace SlaAdmin.Tests.TestSupport;

/// <summary>
/// The one test database: SQLite in memory (the connection stays open for the test's life),
/// migrated with the real migrations, saved through the real interceptor. It is also the
/// <see cref="IDbContextFactory{TContext}"/> that feature services get in page tests.
/// </summary>
public sealed class TestDatabase : IDbContextFactory<SlaDbContext>, IDisposable
{
    private readonly SqliteConnection _connection = new("DataSource=:memory:");
    private readonly DbContextOptions<SlaDbContext> _options;

    /// <param name="interceptors">Further interceptors, such as one that counts the commands a test runs.</param>
    public TestDatabase(TimeProvider? clock = null, params IInterceptor[] interceptors)
    {
        // EF opens no connection here, so the Persian collation is given before it opens.
        PersianCollationInterceptor.Register(_connection);
        _connection.Open();
        _options = new DbContextOptionsBuilder<SlaDbContext>()
            .UseSqlite(_connection)
            .AddInterceptors([new SlaSaveChangesInterceptor(clock ?? TimeProvider.System), .. interceptors])
            .Options;
        using var db = CreateDbContext();
        db.Database.Migrate();
    }

    /// <summary>A context on this database: the SQLite context, which carries the SQLite migrations.</summary>
    public SlaDbContext CreateDbContext()
    {
        Interlocked.Increment(ref _contextsMade);
        return new SqliteSlaDbContext(_options);
    }

    private int _contextsMade;

    /// <summary>How many contexts the services have made so far: a page that reads nothing leaves it as it was.</summary>
    public int ContextsMade => Volatile.Read(ref _contextsMade);

    /// <summary>Loads the five seed agreements, as the app does on first start.</summary>
    public async Task SeedAsync()
    {
        await using var db = CreateDbContext();
        await SeedCatalogue.EnsureSeededAsync(db, CancellationToken.None);
    }

    public void Dispose() => _connection.Dispose();
}
