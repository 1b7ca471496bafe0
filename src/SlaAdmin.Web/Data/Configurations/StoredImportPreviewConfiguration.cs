using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SlaAdmin.Data.Entities;

namespace SlaAdmin.Data.Configurations;

internal sealed class StoredImportPreviewConfiguration : IEntityTypeConfiguration<StoredImportPreview>
{
    public void Configure(EntityTypeBuilder<StoredImportPreview> b)
    {
        b.ToTable("ImportPreviews");
        b.HasKey(p => p.Token);
        b.Property(p => p.UserKey).HasMaxLength(450);
        // Expired previews are deleted by this column.
        b.HasIndex(p => p.ExpiresAt);
    }
}
