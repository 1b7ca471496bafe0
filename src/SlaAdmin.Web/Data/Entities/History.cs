namespace SlaAdmin.Data.Entities;

/// <summary>What a history row is about.</summary>
public enum ChangeSubject
{
    Service,
    AgreementVersion,
    Checklist,
}

/// <summary>
/// One recorded change: who, when, which field or clause, the value before and after (null when
/// absent). Rows are only ever added: the save pipeline refuses to change or delete one.
/// </summary>
public class ChangeRecord
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public required string By { get; set; }
    public ChangeSubject Subject { get; set; }
    public int? ServiceId { get; set; }
    public int? AgreementId { get; set; }
    public int? VersionNumber { get; set; }

    /// <summary>The clause the change is about, when it is about one part of a version.</summary>
    public Guid? ClauseId { get; set; }

    /// <summary>Where, in Persian («تعهد سازمان، ردیف ۳», «شناسه ملی خدمت»).</summary>
    public required string Field { get; set; }

    public string? OldValue { get; set; }
    public string? NewValue { get; set; }
}

/// <summary>How an obligation fared in a compliance check.</summary>
public enum CheckState
{
    Met,
    NotMet,
    NotApplicable,
}

/// <summary>
/// One check of one obligation of an agreement, by clause identity, so a check survives a new
/// version of an unchanged obligation. The latest check of a clause is its state.
/// </summary>
public class ObligationCheck
{
    public long Id { get; set; }
    public int AgreementId { get; set; }
    public Guid ClauseId { get; set; }

    /// <summary>The version in force when the check was made.</summary>
    public int VersionNumber { get; set; }

    public CheckState State { get; set; }
    public string? Note { get; set; }
    public required string By { get; set; }
    public DateTimeOffset At { get; set; }
}
