using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using SlaAdmin.Data.Entities;
using SlaAdmin.Persian;

namespace SlaAdmin.Data;

/// <summary>
/// One context for the catalogue, the agreements, the local accounts and the data-protection keys.
/// The app asks for this type; a concrete subclass per provider carries that provider's migrations
/// (see ProviderContexts.cs).
/// </summary>
public abstract class SlaDbContext(DbContextOptions options) : IdentityDbContext<ApplicationUser>(options), IDataProtectionKeyContext
{

    /// <summary>Shared by every instance, so a cookie issued by one is read by the others.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<EService> Services => Set<EService>();
    public DbSet<Agreement> Agreements => Set<Agreement>();
    public DbSet<AgreementVersion> AgreementVersions => Set<AgreementVersion>();
    public DbSet<Section> Sections => Set<Section>();
    public DbSet<Obligation> Obligations => Set<Obligation>();
    public DbSet<DataClassificationRow> DataRows => Set<DataClassificationRow>();
    public DbSet<Fee> Fees => Set<Fee>();
    public DbSet<PaymentMechanism> PaymentMechanisms => Set<PaymentMechanism>();
    public DbSet<LegalReference> LegalReferences => Set<LegalReference>();
    public DbSet<Definition> Definitions => Set<Definition>();
    public DbSet<AppendixItem> AppendixItems => Set<AppendixItem>();
    public DbSet<ChangeRecord> History => Set<ChangeRecord>();
    public DbSet<ObligationCheck> ObligationChecks => Set<ObligationCheck>();
    public DbSet<VersionTransition> Transitions => Set<VersionTransition>();
    public DbSet<ReviewComment> Comments => Set<ReviewComment>();
    public DbSet<LibraryClause> LibraryClauses => Set<LibraryClause>();
    public DbSet<StoredImportPreview> ImportPreviews => Set<StoredImportPreview>();

    /// <summary>Who acts through this context (the signed-in user's name), for the rows it stamps; null for the system (seeds, migrations).</summary>
    public string? Actor { get; set; }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums as their names: readable in any SQL client and the same on SQLite and PostgreSQL.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(64);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(SlaDbContext).Assembly);
        if (Database.IsNpgsql())
        {
            // Persian order from ICU (SQLite gets the same order from PersianCollationInterceptor), and a
            // trigram index that answers the catalogue's substring search (LIKE '%…%').
            builder.HasCollation(PersianCollation.Name, locale: PersianCollation.Locale, provider: "icu", deterministic: true);
            builder.HasPostgresExtension("pg_trgm");
            builder.Entity<EService>().HasIndex(s => s.SearchText).HasMethod("gin").HasOperators("gin_trgm_ops");
        }
    }

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
        optionsBuilder.AddInterceptors(PersianCollationInterceptor.Instance);
}
