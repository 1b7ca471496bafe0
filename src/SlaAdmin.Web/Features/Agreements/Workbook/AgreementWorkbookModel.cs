using SlaAdmin.Data.Entities;

namespace SlaAdmin.Features.Agreements.Workbook;

/// <summary>
/// An agreement version as the workbook holds it: what the exporter writes and the importer reads
/// back. The agreement's words are one <see cref="AgreementContent"/>; around it, where the workbook
/// came from and the catalogue facts it carries.
/// </summary>
public sealed record AgreementWorkbookModel
{
    /// <summary>Null for a new agreement; otherwise the agreement the workbook was exported from.</summary>
    public int? AgreementId { get; init; }
    public int? VersionNumber { get; init; }

    /// <summary>The version's concurrency stamp at export, so an import can tell a stale workbook.</summary>
    public Guid? ConcurrencyStamp { get; init; }
    public AgreementStatus? Status { get; init; }

    /// <summary>The recipient groups of the catalogue entry (organization names), sorted.</summary>
    public IReadOnlyList<string> RecipientNames { get; init; } = [];

    public AgreementContent Content { get; init; } = new();

    /// <summary>The national service card facts of the summary sheet (not the agreement's words).</summary>
    public ServiceCard Card { get; init; } = new();

    /// <summary>
    /// The obligations' checklist column: the latest check of each obligation (by clause) as written on
    /// export, or as typed on import (empty cells say nothing).
    /// </summary>
    public IReadOnlyDictionary<Guid, CheckState> Checks { get; init; } = new Dictionary<Guid, CheckState>();

    /// <summary>The workbook content of a loaded version (with its parts), its service's recipient groups and card.</summary>
    public static AgreementWorkbookModel FromVersion(AgreementVersion version, IEnumerable<string> recipientNames, ServiceCard? card = null) => new()
    {
        Card = card ?? new ServiceCard(),
        AgreementId = version.AgreementId,
        VersionNumber = version.Number,
        ConcurrencyStamp = version.ConcurrencyStamp,
        Status = version.Status,
        RecipientNames = SortNames(recipientNames),
        Content = AgreementContent.Of(version),
    };

    internal static IReadOnlyList<string> SortNames(IEnumerable<string> names) =>
        [.. names.Select(AgreementContent.Clean).OfType<string>().Order(StringComparer.Ordinal)];
}
