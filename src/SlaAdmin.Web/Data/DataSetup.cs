using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using SlaAdmin.Data.Seeds;
using SlaAdmin.Persian;

namespace SlaAdmin.Data;

public static class DataSetup
{
    /// <summary>
    /// The database from <c>ConnectionStrings:Default</c>, on the provider named by
    /// <c>Database:Provider</c>: SQLite by default (a file under data/), or PostgreSQL where several
    /// instances share one database. One context per operation through <see cref="IDbContextFactory{TContext}"/>.
    /// </summary>
    public static WebApplicationBuilder AddSlaData(this WebApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString("Default")
            ?? throw new InvalidOperationException("ConnectionStrings:Default is not configured.");
        var provider = builder.Configuration["Database:Provider"] ?? "Sqlite";

        builder.Services.AddSingleton<TimeProvider>(TehranTime.Instance);
        builder.Services.AddSingleton<SlaSaveChangesInterceptor>();
        var isPostgreSql = string.Equals(provider, "PostgreSql", StringComparison.OrdinalIgnoreCase);
        if (!isPostgreSql && !string.Equals(provider, "Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Database:Provider '{provider}' is not supported: use Sqlite or PostgreSql.");
        }
        builder.Services.AddSingleton(new DatabaseProvider(isPostgreSql));
        builder.Services.AddDbContextFactory<SlaDbContext, ProviderContextFactory>((sp, options) =>
        {
            if (isPostgreSql) options.UseNpgsql(connectionString);
            else options.UseSqlite(connectionString);
            options.AddInterceptors(sp.GetRequiredService<SlaSaveChangesInterceptor>());
        });
        builder.Services.AddDataProtection().SetApplicationName("SlaAdmin").PersistKeysToDbContext<SlaDbContext>();
        builder.Services.AddHealthChecks().AddDbContextCheck<SlaDbContext>("database", tags: [Hosting.Observability.ReadyTag]);
        builder.Services.AddDatabaseDeveloperPageExceptionFilter();
        return builder;
    }

    /// <summary>
    /// Applies pending migrations, loads the five seed agreements into an empty catalogue, then runs
    /// <paramref name="thenSeed"/> (the accounts), all while holding the startup lock.
    /// </summary>
    public static async Task InitializeDatabaseAsync(this WebApplication app, Func<Task>? thenSeed = null, CancellationToken cancellationToken = default)
    {
        var factory = app.Services.GetRequiredService<IDbContextFactory<SlaDbContext>>();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        EnsureSqliteFolder(db);
        await PostgreSqlDatabase.EnsureExistsAsync(db, cancellationToken);
        await using var exclusive = await StartupLock.AcquireAsync(db, cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        await SeedCatalogue.EnsureSeededAsync(db, cancellationToken);
        await SeedLibrary.EnsureSeededAsync(db, cancellationToken);
        if (thenSeed is not null) await thenSeed();
    }

    /// <summary>
    /// Several instances starting together on one PostgreSQL database take turns to migrate and
    /// seed: a session-level advisory lock held on the context's open connection. SQLite is one
    /// process's file, so it needs none.
    /// </summary>
    private sealed class StartupLock(SlaDbContext? db) : IAsyncDisposable
    {
        private const long Key = 0x5_1A_AD_41;

        public static async Task<StartupLock> AcquireAsync(SlaDbContext db, CancellationToken cancellationToken)
        {
            if (!db.Database.IsNpgsql()) return new StartupLock(null);
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({Key})", cancellationToken);
            return new StartupLock(db);
        }

        public async ValueTask DisposeAsync()
        {
            if (db is null) return;
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({Key})");
            await db.Database.CloseConnectionAsync();
        }
    }

    private static void EnsureSqliteFolder(SlaDbContext db)
    {
        if (!db.Database.IsSqlite()) return;
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(db.Database.GetConnectionString());
        var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
    }
}
