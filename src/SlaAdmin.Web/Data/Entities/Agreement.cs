namespace SlaAdmin.Data.Entities;

/// <summary>The agreement of one service; identity only, its content lives in versions.</summary>
public class Agreement
{
    public int Id { get; set; }
    public int EServiceId { get; set; }
    public EService EService { get; set; } = null!;
    public List<AgreementVersion> Versions { get; } = [];

    /// <summary>The current version: the one with the highest number.</summary>
    public AgreementVersion? Current => Versions.MaxBy(v => v.Number);
}
