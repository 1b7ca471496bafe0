using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SlaAdmin.Data.Entities;

namespace SlaAdmin.Data.Configurations;

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> b)
    {
        b.Property(o => o.Name).HasMaxLength(300);
        b.HasIndex(o => o.Name).IsUnique();
        b.Property(o => o.SearchText).HasMaxLength(300);
    }
}

internal sealed class EServiceConfiguration : IEntityTypeConfiguration<EService>
{
    public void Configure(EntityTypeBuilder<EService> b)
    {
        b.ToTable("Services");
        b.Property(s => s.Title).HasMaxLength(400);
        // Titles are stored normalised (Persian letters, one ZWNJ), so this also stops «گواهي» beside «گواهی».
        b.HasIndex(s => s.Title).IsUnique();
        b.Property(s => s.NationalId).HasMaxLength(11).IsFixedLength();
        b.HasIndex(s => s.NationalId).IsUnique();
        b.Property(s => s.ServiceDeskUrl).HasMaxLength(400);
        b.Property(s => s.SearchText).HasMaxLength(1200);
        b.HasIndex(s => s.SearchText);
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
        b.Ignore(a => a.Current);
        b.HasMany(a => a.Versions).WithOne(v => v.Agreement).HasForeignKey(v => v.AgreementId);
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
        b.Ignore(v => v.OrderedSections);
        b.Ignore(v => v.ClauseCount);
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
        b.HasOne(p => p.AccountOwner).WithMany().HasForeignKey(p => p.AccountOwnerId).OnDelete(DeleteBehavior.Restrict);
    }
}
