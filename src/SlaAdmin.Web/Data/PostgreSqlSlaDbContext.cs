using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace SlaAdmin.Data;

/// <summary>
/// The same model on PostgreSQL. A separate type only so that EF Core keeps a separate set of
/// migrations for it (Data/Migrations/PostgreSql); the app still asks for <see cref="SlaDbContext"/>.
/// </summary>
public sealed class PostgreSqlSlaDbContext(DbContextOptions options) : SlaDbContext(options);

/// <summary>Lets `dotnet ef migrations add --context PostgreSqlSlaDbContext` build the model without a server.</summary>
internal sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlSlaDbContext>
{
    public PostgreSqlSlaDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SlaDbContext>().UseNpgsql("Host=localhost;Database=slaadmin_design").Options);
}
