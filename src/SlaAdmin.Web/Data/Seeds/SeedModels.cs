using SlaAdmin.Data.Entities;

namespace SlaAdmin.Data.Seeds;

// The shape of one Data/Seeds/*.json file: a service and the first version of its agreement.
// Enums are written as names, dates as Jalali strings («1400/12/29»). Lists are in the source's order;
// an item's Order is its position. `required` members must be present in the file.

internal sealed record SeedFile
{
    public required SeedService Service { get; init; }
    public required SeedVersion Version { get; init; }
}

internal sealed record SeedParty
{
    public required string Name { get; init; }
    public required OrganizationKind Kind { get; init; }
}

internal sealed record SeedService
{
    public required string Title { get; init; }
    public string? NationalId { get; init; }
    public required SeedParty Provider { get; init; }
    public required IReadOnlyList<SeedParty> Recipients { get; init; }
    public string? RecipientsDescription { get; init; }
    public ServiceNature? Nature { get; init; }
    public ServiceTypes? Types { get; init; }
    public ServiceLevel? Level { get; init; }
    public string? ServiceDeskUrl { get; init; }
    public ServiceStatus? Status { get; init; }
}

internal sealed record SeedVersion
{
    public required int Number { get; init; }
    public required AgreementStatus Status { get; init; }

    /// <summary>The lines above the title, one per item.</summary>
    public IReadOnlyList<string> Letterhead { get; init; } = [];

    public string? DocumentTitle { get; init; }

    /// <summary>The lines under the title, one per item.</summary>
    public IReadOnlyList<string> Subheading { get; init; } = [];

    /// <summary>The sections present, each with its running prose as paragraphs.</summary>
    public required IReadOnlyList<SeedSection> Sections { get; init; }

    public required bool StatesClauseCount { get; init; }
    public string? ValidityText { get; init; }

    /// <summary>Jalali date, e.g. «1400/12/29».</summary>
    public string? ValidUntil { get; init; }

    public string? Signatory { get; init; }
    public string? ProviderObligationsIntro { get; init; }
    public IReadOnlyList<SeedObligation> ProviderObligations { get; init; } = [];
    public string? RecipientObligationsIntro { get; init; }
    public IReadOnlyList<SeedObligation> RecipientObligations { get; init; } = [];
    public IReadOnlyList<SeedDataRow> DataRows { get; init; } = [];
    /// <summary>Absent when the source says nothing of costs (unknown).</summary>
    public bool? IsFree { get; init; }
    public string? CostNote { get; init; }
    public IReadOnlyList<SeedFee> Fees { get; init; } = [];
    public string? PaymentsIntro { get; init; }
    public IReadOnlyList<SeedPayment> PaymentMechanisms { get; init; } = [];
    public IReadOnlyList<SeedLegalReference> LegalReferences { get; init; } = [];
    public IReadOnlyList<SeedDefinition> Definitions { get; init; } = [];
    public IReadOnlyList<string> AppendixItems { get; init; } = [];
}

internal sealed record SeedSection
{
    public required SectionKind Kind { get; init; }
    public required IReadOnlyList<string> Paragraphs { get; init; }
}

internal sealed record SeedObligation
{
    public required string Text { get; init; }
    public string? Target { get; init; }
}

internal sealed record SeedDataRow
{
    public required string DataType { get; init; }
    public required DataParty ProvidingUnit { get; init; }
    public required DataParty ReceivingUnit { get; init; }
    public required StorageLevel StorageLevel { get; init; }
    public required bool UsedForAnalytics { get; init; }
    public required bool PublicVisible { get; init; }
    public required PublicationScope PublicationScope { get; init; }
}

internal sealed record SeedFee
{
    public required string ServiceName { get; init; }
    public required CostType CostType { get; init; }
    public string? Description { get; init; }
    public long? AmountRials { get; init; }
}

internal sealed record SeedPayment
{
    public required string Description { get; init; }

    /// <summary>The account owner as the agreement names it.</summary>
    public string? AccountOwner { get; init; }

    /// <summary>Exactly as printed, even when invalid.</summary>
    public string? Iban { get; init; }

    public required PaymentChannels Channels { get; init; }
}

internal sealed record SeedLegalReference
{
    public required string Title { get; init; }
    public string? ArticleOrClause { get; init; }
    public string? ApprovingBody { get; init; }
    public string? Number { get; init; }

    /// <summary>Jalali date, e.g. «1387/02/17».</summary>
    public string? Date { get; init; }

    public string? Note { get; init; }
}

internal sealed record SeedDefinition
{
    public required string Term { get; init; }
    public required string Text { get; init; }
}
