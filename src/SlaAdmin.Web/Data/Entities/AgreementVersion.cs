namespace SlaAdmin.Data.Entities;

/// <summary>
/// One version of an agreement. It owns every word the printed agreement says (the service, provider
/// and recipients as worded, letterhead, title, account owners), so it never reads today's catalogue
/// entry. A published or superseded version is frozen: the save pipeline refuses any change to it or
/// its parts. Its content as one value is <see cref="AgreementContent"/>.
/// </summary>
public class AgreementVersion
{
    public int Id { get; set; }
    public int AgreementId { get; set; }
    public Agreement Agreement { get; set; } = null!;
    public int Number { get; set; }
    public AgreementStatus Status { get; set; }

    /// <summary>The service as this version names it.</summary>
    public string ServiceTitle { get; set; } = "";

    /// <summary>The providing organization as this version names it.</summary>
    public string ProviderName { get; set; } = "";

    /// <summary>The recipients as the agreement words them («شرکت‌ها و اشخاص حقیقی توسعه‌دهنده نرم‌افزار»).</summary>
    public string? RecipientsDescription { get; set; }

    /// <summary>Lines above the title as printed (ministry, organization), one per line.</summary>
    public string? Letterhead { get; set; }

    /// <summary>The title line exactly as the source prints it, slips included; null when it has none.</summary>
    public string? DocumentTitle { get; set; }

    /// <summary>Lines under the title as printed (000 repeats its provider there), one per line.</summary>
    public string? Subheading { get; set; }

    public DateOnly? ValidUntil { get; set; }

    /// <summary>Validity as worded («تا پایان سال ۱۴۰۰», «تا پایان دولت یازدهم»).</summary>
    public string? ValidityText { get; set; }

    public string? Signatory { get; set; }

    /// <summary>Whether the agreement states its clause count; the count itself is computed.</summary>
    public bool StatesClauseCount { get; set; }

    public string? ProviderObligationsIntro { get; set; }
    public string? RecipientObligationsIntro { get; set; }

    /// <summary>Free (true), with fees (false), or unknown (null).</summary>
    public bool? IsFree { get; set; }

    /// <summary>The costs note («خدمت در حال حاضر رایگان است.»).</summary>
    public string? CostNote { get; set; }

    /// <summary>The sentence that introduces the payment table («مکانیزم واریز به شرح زیر می‌باشد:»).</summary>
    public string? PaymentsIntro { get; set; }

    /// <summary>Optimistic concurrency token, renewed on every save by the interceptor.</summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    public DateTimeOffset UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }

    /// <summary>When and by whom this version was put in force; null for versions never published through the app.</summary>
    public DateTimeOffset? PublishedAt { get; set; }
    public string? PublishedBy { get; set; }

    /// <summary>How many obligations the version has, stored so the catalogue shows it without counting; kept by the save interceptor.</summary>
    public int ObligationCount { get; set; }

    public List<Section> Sections { get; } = [];
    public List<Obligation> Obligations { get; } = [];
    public List<DataClassificationRow> DataRows { get; } = [];
    public List<Fee> Fees { get; } = [];
    public List<PaymentMechanism> PaymentMechanisms { get; } = [];
    public List<LegalReference> LegalReferences { get; } = [];
    public List<Definition> Definitions { get; } = [];
    public List<AppendixItem> AppendixItems { get; } = [];

    /// <summary>Published or superseded: nothing in it may change.</summary>
    public bool IsFrozen => IsFrozenStatus(Status);

    public static bool IsFrozenStatus(AgreementStatus status) => status is AgreementStatus.Published or AgreementStatus.Superseded;
}
