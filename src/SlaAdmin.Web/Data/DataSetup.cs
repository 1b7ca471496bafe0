using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using SlaAdmin.Data.Seeds;

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

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<SlaSaveChangesInterceptor>();
        if (string.Equals(provider, "PostgreSql", StringComparison.OrdinalIgnoreCase))
        {
            builder.Services.AddDbContextFactory<SlaDbContext, PostgreSqlContextFactory>((sp, options) =>
            {
                options.UseNpgsql(connectionString);
                options.AddInterceptors(sp.GetRequiredService<SlaSaveChangesInterceptor>());
            });
        }
        else if (string.Equals(provider, "Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            builder.Services.AddDbContextFactory<SlaDbContext>((sp, options) =>
            {
                options.UseSqlite(connectionString);
                options.AddInterceptors(sp.GetRequiredService<SlaSaveChangesInterceptor>());
            });
        }
        else
        {
            throw new InvalidOperationException($"Database:Provider '{provider}' is not supported: use Sqlite or PostgreSql.");
        }
        builder.Services.AddDataProtection().SetApplicationName("SlaAdmin").PersistKeysToDbContext<SlaDbContext>();
        builder.Services.AddHealthChecks().AddDbContextCheck<SlaDbContext>("database");
        builder.Services.AddDatabaseDeveloperPageExceptionFilter();
        return builder;
    }

    /// <summary>Applies pending migrations, then loads the five seed agreements into an empty catalogue.</summary>
    public static async Task InitializeDatabaseAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        var factory = app.Services.GetRequiredService<IDbContextFactory<SlaDbContext>>();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        EnsureSqliteFolder(db);
        await db.Database.MigrateAsync(cancellationToken);
        await SeedCatalogue.EnsureSeededAsync(db, cancellationToken);
    }

    private sealed class PostgreSqlContextFactory(DbContextOptions<SlaDbContext> options) : IDbContextFactory<SlaDbContext>
    {
        public SlaDbContext CreateDbContext() => new PostgreSqlSlaDbContext(options);
    }

    private static void EnsureSqliteFolder(SlaDbContext db)
    {
        if (!db.Database.IsSqlite()) return;
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(db.Database.GetConnectionString());
        var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
    }
}
