namespace SlaAdmin.Data.Entities;

/// <summary>One version of an agreement with every section of the template as data.</summary>
public class AgreementVersion
{
    public int Id { get; set; }
    public int AgreementId { get; set; }
    public Agreement Agreement { get; set; } = null!;
    public int Number { get; set; }
    public AgreementStatus Status { get; set; }

    /// <summary>Lines above the title as printed (ministry, organization), one per line.</summary>
    public string? Letterhead { get; set; }

    /// <summary>The title line exactly as the source prints it, slips included; null when it has none.</summary>
    public string? DocumentTitle { get; set; }

    public DateOnly? ValidUntil { get; set; }

    /// <summary>Validity as worded («تا پایان سال ۱۴۰۰», «تا پایان دولت یازدهم»).</summary>
    public string? ValidityText { get; set; }

    public string? Signatory { get; set; }

    /// <summary>Whether the agreement states its clause count; the count itself is computed.</summary>
    public bool StatesClauseCount { get; set; }

    public string? ProviderObligationsIntro { get; set; }
    public string? RecipientObligationsIntro { get; set; }

    public bool IsFree { get; set; }

    /// <summary>The costs note («خدمت در حال حاضر رایگان است.»).</summary>
    public string? CostNote { get; set; }

    /// <summary>Optimistic concurrency token, renewed on every save by the interceptor.</summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    public DateTimeOffset UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }

    public List<Section> Sections { get; } = [];
    public List<Obligation> Obligations { get; } = [];
    public List<DataClassificationRow> DataRows { get; } = [];
    public List<Fee> Fees { get; } = [];
    public List<PaymentMechanism> PaymentMechanisms { get; } = [];
    public List<LegalReference> LegalReferences { get; } = [];
    public List<Definition> Definitions { get; } = [];
    public List<AppendixItem> AppendixItems { get; } = [];

    /// <summary>The sections present, in the template's order.</summary>
    public IReadOnlyList<Section> OrderedSections => Sections.OrderBy(s => s.Kind).ToList();

    /// <summary>The section's number: its position among the sections present (1-based), or null when absent.</summary>
    public int? NumberOf(SectionKind kind)
    {
        var index = OrderedSections.ToList().FindIndex(s => s.Kind == kind);
        return index < 0 ? null : index + 1;
    }

    public int ClauseCount => Sections.Count(s => s.Kind != SectionKind.Appendix);

    public bool IsValidOn(DateOnly date) => ValidUntil is null || date <= ValidUntil;

    public bool ExpiresWithin(DateOnly today, int days) =>
        ValidUntil is { } end && end >= today && end <= today.AddDays(days);
}
