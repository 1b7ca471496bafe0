using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace SlaAdmin.Data;

// EF Core keeps one set of migrations per context type, and SQLite and PostgreSQL need different
// ones; so each provider gets its own concrete type over the same model. See docs/decisions/0001.

/// <summary>The embedded default: migrations in Data/Migrations/Sqlite.</summary>
public sealed class SqliteSlaDbContext(DbContextOptions options) : SlaDbContext(options);

/// <summary>The server database for several instances: migrations in Data/Migrations/PostgreSql.</summary>
public sealed class PostgreSqlSlaDbContext(DbContextOptions options) : SlaDbContext(options);

/// <summary>Which database the configuration chose.</summary>
internal sealed record DatabaseProvider(bool IsPostgreSql);

/// <summary>Creates the provider's concrete context from the options registered for <see cref="SlaDbContext"/>.</summary>
internal sealed class ProviderContextFactory(DbContextOptions<SlaDbContext> options, DatabaseProvider provider) : IDbContextFactory<SlaDbContext>
{
    public SlaDbContext CreateDbContext() =>
        provider.IsPostgreSql ? new PostgreSqlSlaDbContext(options) : new SqliteSlaDbContext(options);
}

/// <summary>Lets `dotnet ef migrations add --context SqliteSlaDbContext` build the model without the app.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteSlaDbContext>
{
    public SqliteSlaDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SlaDbContext>().UseSqlite("Data Source=design.db").Options);
}

/// <summary>Lets `dotnet ef migrations add --context PostgreSqlSlaDbContext` build the model without a server.</summary>
internal sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlSlaDbContext>
{
    public PostgreSqlSlaDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SlaDbContext>().UseNpgsql("Host=localhost;Database=slaadmin_design").Options);
}
