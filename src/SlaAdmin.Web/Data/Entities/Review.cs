namespace SlaAdmin.Data.Entities;

/// <summary>One step of a version's life (submitted, sent back, approved, published, …), with who, when and why.</summary>
public class VersionTransition
{
    public long Id { get; set; }
    public int AgreementVersionId { get; set; }
    public AgreementStatus From { get; set; }
    public AgreementStatus To { get; set; }
    public required string By { get; set; }
    public DateTimeOffset At { get; set; }
    public string? Note { get; set; }
}

/// <summary>
/// A comment on one clause of an agreement, by the clause's identity, so it follows the clause into
/// the next version. A comment with no parent starts a thread; its replies point at it.
/// </summary>
public class ReviewComment
{
    public long Id { get; set; }
    public int AgreementId { get; set; }
    public Guid ClauseId { get; set; }

    /// <summary>The version the comment was written on.</summary>
    public int VersionNumber { get; set; }

    public long? ParentId { get; set; }

    /// <summary>The words commented on, quoted from the clause; null when the whole clause is meant.</summary>
    public string? Quote { get; set; }

    /// <summary>The clause's text when the comment was made, so a later version can tell that the clause changed since.</summary>
    public string? ClauseTextThen { get; set; }

    public required string Text { get; set; }
    public required string By { get; set; }
    public DateTimeOffset At { get; set; }

    /// <summary>On a thread's first comment: when and by whom the thread was resolved; null while open.</summary>
    public DateTimeOffset? ResolvedAt { get; set; }
    public string? ResolvedBy { get; set; }
}

/// <summary>What a library clause is: a recurring obligation of one side, or a standard section text.</summary>
public enum LibraryClauseKind
{
    ProviderObligation,
    RecipientObligation,
    DisputeResolution,
    Termination,
}

/// <summary>A standard clause kept once and inserted into agreements by choosing it.</summary>
public class LibraryClause
{
    public int Id { get; set; }
    public LibraryClauseKind Kind { get; set; }
    public required string Title { get; set; }

    /// <summary>The standard wording; «{خدمت}» and «{دستگاه}» stand for the service's and the provider's names.</summary>
    public required string Text { get; set; }

    public string SearchText { get; set; } = "";
}
