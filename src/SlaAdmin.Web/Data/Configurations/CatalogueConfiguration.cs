using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SlaAdmin.Data.Entities;
using SlaAdmin.Persian;

namespace SlaAdmin.Data.Configurations;

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> b)
    {
        b.Property(o => o.Name).HasMaxLength(300).UseCollation(PersianCollation.Name);
        b.HasIndex(o => o.Name).IsUnique();
        b.Property(o => o.SearchText).HasMaxLength(300);
        b.HasOne(o => o.Parent).WithMany(o => o.Children).HasForeignKey(o => o.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EServiceConfiguration : IEntityTypeConfiguration<EService>
{
    public void Configure(EntityTypeBuilder<EService> b)
    {
        b.ToTable("Services");
        // Sorted in Persian alphabetical order by the database, through the index.
        b.Property(s => s.Title).HasMaxLength(400).UseCollation(PersianCollation.Name);
        // Titles are stored normalised (Persian letters, one ZWNJ), so this also stops «گواهي» beside «گواهی».
        b.HasIndex(s => s.Title).IsUnique();
        b.Property(s => s.NationalId).HasMaxLength(11).IsFixedLength();
        b.HasIndex(s => s.NationalId).IsUnique();
        // The catalogue's first page and its count read the services not retired in title order from this index, not the wide rows.
        b.HasIndex(s => new { s.RetiredAt, s.Title });
        b.Property(s => s.ServiceDeskUrl).HasMaxLength(400);
        b.Property(s => s.WebAddress).HasMaxLength(400);
        b.Property(s => s.ProviderUnit).HasMaxLength(300);
        b.Property(s => s.UpdatedBy).HasMaxLength(256);
        b.Property(s => s.ConcurrencyStamp).IsConcurrencyToken();
        // Searched by substring through a trigram index (SlaDbContext: pg_trgm; SearchIndex: SQLite FTS5).
        b.Property(s => s.SearchText).HasMaxLength(1200);
        b.HasOne(s => s.Provider).WithMany(o => o.ProvidedServices).HasForeignKey(s => s.ProviderId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(s => s.Recipients).WithMany(o => o.ReceivedServices).UsingEntity(j => j.ToTable("ServiceRecipients"));
        b.HasOne(s => s.Agreement).WithOne(a => a.EService).HasForeignKey<Agreement>(a => a.EServiceId);
    }
}

internal sealed class AgreementConfiguration : IEntityTypeConfiguration<Agreement>
{
    public void Configure(EntityTypeBuilder<Agreement> b)
    {
        b.HasIndex(a => a.EServiceId).IsUnique();
        b.HasMany(a => a.Versions).WithOne(v => v.Agreement).HasForeignKey(v => v.AgreementId);
        // The two pointers: the version in force (readers) and the working version (editors).
        b.HasOne(a => a.InForceVersion).WithOne().HasForeignKey<Agreement>(a => a.InForceVersionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(a => a.WorkingVersion).WithOne().HasForeignKey<Agreement>(a => a.WorkingVersionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AgreementVersionConfiguration : IEntityTypeConfiguration<AgreementVersion>
{
    public void Configure(EntityTypeBuilder<AgreementVersion> b)
    {
        b.HasIndex(v => new { v.AgreementId, v.Number }).IsUnique();
        b.Property(v => v.ConcurrencyStamp).IsConcurrencyToken();
        b.Property(v => v.DocumentTitle).HasMaxLength(400);
        b.Property(v => v.ValidityText).HasMaxLength(400);
        b.Property(v => v.Signatory).HasMaxLength(400);
        b.Property(v => v.UpdatedBy).HasMaxLength(256);
        b.Property(v => v.PublishedBy).HasMaxLength(256);
        b.Property(v => v.ServiceTitle).HasMaxLength(400);
        b.Property(v => v.ProviderName).HasMaxLength(300);
        b.Ignore(v => v.IsFrozen);
        b.HasMany(v => v.Sections).WithOne().HasForeignKey(x => x.AgreementVersionId);
        b.HasMany(v => v.Obligations).WithOne().HasForeignKey(x => x.AgreementVersionId);
        b.HasMany(v => v.DataRows).WithOne().HasForeignKey(x => x.AgreementVersionId);
        b.HasMany(v => v.Fees).WithOne().HasForeignKey(x => x.AgreementVersionId);
        b.HasMany(v => v.PaymentMechanisms).WithOne().HasForeignKey(x => x.AgreementVersionId);
        b.HasMany(v => v.LegalReferences).WithOne().HasForeignKey(x => x.AgreementVersionId);
        b.HasMany(v => v.Definitions).WithOne().HasForeignKey(x => x.AgreementVersionId);
        b.HasMany(v => v.AppendixItems).WithOne().HasForeignKey(x => x.AgreementVersionId);
    }
}

internal sealed class SectionConfiguration : IEntityTypeConfiguration<Section>
{
    public void Configure(EntityTypeBuilder<Section> b) =>
        b.HasIndex(s => new { s.AgreementVersionId, s.Kind }).IsUnique();
}

internal sealed class ObligationConfiguration : IEntityTypeConfiguration<Obligation>
{
    public void Configure(EntityTypeBuilder<Obligation> b)
    {
        b.HasIndex(o => new { o.AgreementVersionId, o.Side, o.Order });
        b.Property(o => o.Target).HasMaxLength(400);
    }
}

internal sealed class PaymentMechanismConfiguration : IEntityTypeConfiguration<PaymentMechanism>
{
    public void Configure(EntityTypeBuilder<PaymentMechanism> b)
    {
        b.Property(p => p.Iban).HasMaxLength(64);
        b.Property(p => p.AccountOwnerName).HasMaxLength(300);
    }
}

/// <summary>Every part is found by its clause identity within its version (comments, comparison, checklists).</summary>
internal sealed class PartConfiguration :
    IEntityTypeConfiguration<Section>, IEntityTypeConfiguration<Obligation>, IEntityTypeConfiguration<DataClassificationRow>,
    IEntityTypeConfiguration<Fee>, IEntityTypeConfiguration<PaymentMechanism>, IEntityTypeConfiguration<LegalReference>,
    IEntityTypeConfiguration<Definition>, IEntityTypeConfiguration<AppendixItem>
{
    public void Configure(EntityTypeBuilder<Section> b) => Clause(b);
    public void Configure(EntityTypeBuilder<Obligation> b) => Clause(b);
    public void Configure(EntityTypeBuilder<DataClassificationRow> b) => Clause(b);
    public void Configure(EntityTypeBuilder<Fee> b) => Clause(b);
    public void Configure(EntityTypeBuilder<PaymentMechanism> b) => Clause(b);
    public void Configure(EntityTypeBuilder<LegalReference> b) => Clause(b);
    public void Configure(EntityTypeBuilder<Definition> b) => Clause(b);
    public void Configure(EntityTypeBuilder<AppendixItem> b) => Clause(b);

    private static void Clause<T>(EntityTypeBuilder<T> b) where T : VersionPart =>
        b.HasIndex(p => new { p.AgreementVersionId, p.ClauseId }).IsUnique();
}

internal sealed class ChangeRecordConfiguration : IEntityTypeConfiguration<ChangeRecord>
{
    public void Configure(EntityTypeBuilder<ChangeRecord> b)
    {
        b.ToTable("History");
        b.Property(h => h.By).HasMaxLength(256);
        b.Property(h => h.Field).HasMaxLength(300);
        b.HasIndex(h => new { h.ServiceId, h.At });
        b.HasIndex(h => new { h.AgreementId, h.At });
    }
}

internal sealed class ObligationCheckConfiguration : IEntityTypeConfiguration<ObligationCheck>
{
    public void Configure(EntityTypeBuilder<ObligationCheck> b)
    {
        b.Property(c => c.By).HasMaxLength(256);
        b.Property(c => c.Note).HasMaxLength(2000);
        b.HasIndex(c => new { c.AgreementId, c.ClauseId, c.At });
        b.HasOne<Agreement>().WithMany().HasForeignKey(c => c.AgreementId);
    }
}

internal sealed class VersionTransitionConfiguration : IEntityTypeConfiguration<VersionTransition>
{
    public void Configure(EntityTypeBuilder<VersionTransition> b)
    {
        b.Property(t => t.By).HasMaxLength(256);
        b.Property(t => t.Note).HasMaxLength(2000);
        b.HasIndex(t => new { t.AgreementVersionId, t.At });
        b.HasOne<AgreementVersion>().WithMany().HasForeignKey(t => t.AgreementVersionId);
    }
}

internal sealed class ReviewCommentConfiguration : IEntityTypeConfiguration<ReviewComment>
{
    public void Configure(EntityTypeBuilder<ReviewComment> b)
    {
        b.Property(c => c.By).HasMaxLength(256);
        b.Property(c => c.ResolvedBy).HasMaxLength(256);
        b.Property(c => c.Text).HasMaxLength(4000);
        b.HasIndex(c => new { c.AgreementId, c.ClauseId });
        b.HasOne<Agreement>().WithMany().HasForeignKey(c => c.AgreementId);
        b.HasOne<ReviewComment>().WithMany().HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class LibraryClauseConfiguration : IEntityTypeConfiguration<LibraryClause>
{
    public void Configure(EntityTypeBuilder<LibraryClause> b)
    {
        b.Property(c => c.Title).HasMaxLength(300);
        b.Property(c => c.SearchText).HasMaxLength(4000);
    }
}
