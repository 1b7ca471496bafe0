namespace SlaAdmin.Data.Entities;

/// <summary>
/// The agreement of one service. Its content lives in versions; the agreement points at the one
/// <see cref="InForceVersion"/> (published) and the one <see cref="WorkingVersion"/> (draft, in review
/// or approved). Readers read the first, editors the second.
/// </summary>
public class Agreement
{
    public int Id { get; set; }
    public int EServiceId { get; set; }
    public EService EService { get; set; } = null!;
    public List<AgreementVersion> Versions { get; } = [];

    public int? InForceVersionId { get; set; }
    public AgreementVersion? InForceVersion { get; set; }

    public int? WorkingVersionId { get; set; }
    public AgreementVersion? WorkingVersion { get; set; }
}
