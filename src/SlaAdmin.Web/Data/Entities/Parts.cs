namespace SlaAdmin.Data.Entities;

/// <summary>
/// A part of a version (section, obligation, data row, fee, payment, legal reference, definition,
/// appendix item). <see cref="ClauseId"/> is the clause's identity across versions: a new version
/// copies it from the version it starts from, so comments, comparisons and checklist states can
/// follow "the same clause".
/// </summary>
public abstract class VersionPart
{
    public int Id { get; set; }
    public int AgreementVersionId { get; set; }
    public Guid ClauseId { get; set; } = Guid.NewGuid();
}

/// <summary>A section present in an agreement: its prose. Structured content lives in the sibling collections.</summary>
public class Section : VersionPart
{
    public SectionKind Kind { get; set; }

    /// <summary>The section's running text, paragraphs separated by new lines; may be empty.</summary>
    public string Body { get; set; } = "";
}

public class Obligation : VersionPart
{
    public ObligationSide Side { get; set; }
    public int Order { get; set; }
    public required string Text { get; set; }

    /// <summary>A measurable target when the obligation carries one (24×7, 72 hours ahead, a URL).</summary>
    public string? Target { get; set; }
}

public class DataClassificationRow : VersionPart
{
    public int Order { get; set; }
    public required string DataType { get; set; }
    public DataParty ProvidingUnit { get; set; }
    public DataParty ReceivingUnit { get; set; }
    public StorageLevel StorageLevel { get; set; }
    public bool UsedForAnalytics { get; set; }
    public bool PublicVisible { get; set; }
    public PublicationScope PublicationScope { get; set; }
}

public class Fee : VersionPart
{
    public int Order { get; set; }
    public required string ServiceName { get; set; }
    public CostType CostType { get; set; }
    public string? Description { get; set; }
    public long? AmountRials { get; set; }
}

public class PaymentMechanism : VersionPart
{
    public int Order { get; set; }

    /// <summary>What is deposited («واریز ۱۰۰ هزار ریال به حساب ...»).</summary>
    public required string Description { get; set; }

    /// <summary>The account owner as the agreement names it.</summary>
    public string? AccountOwnerName { get; set; }

    /// <summary>The IBAN exactly as entered; never corrected. See <see cref="Persian.Iban"/>.</summary>
    public string? Iban { get; set; }

    public PaymentChannels Channels { get; set; }
}

public class LegalReference : VersionPart
{
    public int Order { get; set; }
    public required string Title { get; set; }
    public string? ArticleOrClause { get; set; }
    public string? ApprovingBody { get; set; }
    public string? Number { get; set; }
    public DateOnly? Date { get; set; }
    public string? Note { get; set; }
}

public class Definition : VersionPart
{
    public int Order { get; set; }
    public required string Term { get; set; }
    public required string Text { get; set; }
}

public class AppendixItem : VersionPart
{
    public int Order { get; set; }
    public required string Text { get; set; }
}
