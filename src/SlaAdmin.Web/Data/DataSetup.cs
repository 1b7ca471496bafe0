using Microsoft.EntityFrameworkCore;
using SlaAdmin.Data.Seeds;

namespace SlaAdmin.Data;

public static class DataSetup
{
    /// <summary>
    /// The database from <c>ConnectionStrings:Default</c>: SQLite by default (a file under data/),
    /// one context per operation through <see cref="IDbContextFactory{TContext}"/>.
    /// </summary>
    public static WebApplicationBuilder AddSlaData(this WebApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString("Default")
            ?? throw new InvalidOperationException("ConnectionStrings:Default is not configured.");

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<SlaSaveChangesInterceptor>();
        builder.Services.AddDbContextFactory<SlaDbContext>((sp, options) =>
        {
            options.UseSqlite(connectionString);
            options.AddInterceptors(sp.GetRequiredService<SlaSaveChangesInterceptor>());
        });
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

    private static void EnsureSqliteFolder(SlaDbContext db)
    {
        if (!db.Database.IsSqlite()) return;
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(db.Database.GetConnectionString());
        var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
    }
}
