namespace SlaAdmin.Data.Entities;

/// <summary>
/// A workbook import previewed and not yet applied, in the database so that any instance can show and
/// apply it (Features/Agreements/Workbook/PendingImports.cs). Applying deletes the row, so one preview
/// is applied once. Times are UTC <see cref="DateTime"/>s because SQLite compares them as text.
/// </summary>
public class StoredImportPreview
{
    public Guid Token { get; set; }

    /// <summary>Who previewed (the user's identifier); only they may apply.</summary>
    public required string UserKey { get; set; }

    /// <summary>The agreement the workbook was taken from; null for a new one. Apply checks it again, so no foreign key.</summary>
    public int? AgreementId { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }

    /// <summary>The workbook's model as JSON: what applying writes.</summary>
    public required string Model { get; set; }

    /// <summary>The preview as JSON: what the preview page shows.</summary>
    public required string Preview { get; set; }
}
