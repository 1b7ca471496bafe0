namespace SlaAdmin.Data.Entities;

/// <summary>A section present in an agreement: its prose. Structured content lives in the sibling collections.</summary>
public class Section
{
    public int Id { get; set; }
    public int AgreementVersionId { get; set; }
    public SectionKind Kind { get; set; }

    /// <summary>The section's running text, paragraphs separated by new lines; may be empty.</summary>
    public string Body { get; set; } = "";
}

public class Obligation
{
    public int Id { get; set; }
    public int AgreementVersionId { get; set; }
    public ObligationSide Side { get; set; }
    public int Order { get; set; }
    public required string Text { get; set; }

    /// <summary>A measurable target when the obligation carries one (24×7, 72 hours ahead, a URL).</summary>
    public string? Target { get; set; }
}

public class DataClassificationRow
{
    public int Id { get; set; }
    public int AgreementVersionId { get; set; }
    public int Order { get; set; }
    public required string DataType { get; set; }
    public DataParty ProvidingUnit { get; set; }
    public DataParty ReceivingUnit { get; set; }
    public StorageLevel StorageLevel { get; set; }
    public bool UsedForAnalytics { get; set; }
    public bool PublicVisible { get; set; }
    public PublicationScope PublicationScope { get; set; }
}

public class Fee
{
    public int Id { get; set; }
    public int AgreementVersionId { get; set; }
    public int Order { get; set; }
    public required string ServiceName { get; set; }
    public CostType CostType { get; set; }
    public string? Description { get; set; }
    public long? AmountRials { get; set; }
}

public class PaymentMechanism
{
    public int Id { get; set; }
    public int AgreementVersionId { get; set; }
    public int Order { get; set; }

    /// <summary>What is deposited («واریز ۱۰۰ هزار ریال به حساب ...»).</summary>
    public required string Description { get; set; }

    public int? AccountOwnerId { get; set; }
    public Organization? AccountOwner { get; set; }

    /// <summary>The IBAN exactly as entered; never corrected. See <see cref="Persian.Iban"/>.</summary>
    public string? Iban { get; set; }

    public PaymentChannels Channels { get; set; }
}

public class LegalReference
{
    public int Id { get; set; }
    public int AgreementVersionId { get; set; }
    public int Order { get; set; }
    public required string Title { get; set; }
    public string? ArticleOrClause { get; set; }
    public string? ApprovingBody { get; set; }
    public string? Number { get; set; }
    public DateOnly? Date { get; set; }
    public string? Note { get; set; }
}

public class Definition
{
    public int Id { get; set; }
    public int AgreementVersionId { get; set; }
    public int Order { get; set; }
    public required string Term { get; set; }
    public required string Text { get; set; }
}

public class AppendixItem
{
    public int Id { get; set; }
    public int AgreementVersionId { get; set; }
    public int Order { get; set; }
    public required string Text { get; set; }
}
