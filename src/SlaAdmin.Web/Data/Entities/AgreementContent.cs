using SlaAdmin.Persian;

namespace SlaAdmin.Data.Entities;

/// <summary>
/// Everything one version of an agreement says, as one value: what the seeds load, the workbook
/// writes and reads, the pages show, the editors change and the comparison compares. Texts are clean
/// (see <see cref="Clean"/>) and lists in a fixed order, so two contents are equal exactly when the
/// printed agreements are, clause identities included.
/// </summary>
public sealed record AgreementContent
{
    public string ServiceTitle { get; init; } = "";
    public string ProviderName { get; init; } = "";
    public string? RecipientsDescription { get; init; }
    public string? Letterhead { get; init; }
    public string? DocumentTitle { get; init; }
    public string? Subheading { get; init; }
    public DateOnly? ValidUntil { get; init; }
    public string? ValidityText { get; init; }
    public string? Signatory { get; init; }
    public bool StatesClauseCount { get; init; }

    /// <summary>Free (true), with fees (false), unknown (null).</summary>
    public bool? IsFree { get; init; }

    public string? CostNote { get; init; }
    public string? PaymentsIntro { get; init; }
    public string? ProviderObligationsIntro { get; init; }
    public string? RecipientObligationsIntro { get; init; }

    public IReadOnlyList<SectionLine> Sections { get; init; } = [];
    public IReadOnlyList<ObligationLine> Obligations { get; init; } = [];
    public IReadOnlyList<DataLine> DataRows { get; init; } = [];
    public IReadOnlyList<FeeLine> Fees { get; init; } = [];
    public IReadOnlyList<PaymentLine> Payments { get; init; } = [];
    public IReadOnlyList<LegalReferenceLine> LegalReferences { get; init; } = [];
    public IReadOnlyList<DefinitionLine> Definitions { get; init; } = [];
    public IReadOnlyList<AppendixLine> AppendixItems { get; init; } = [];

    /// <summary>Numbered clauses: every section present except the appendix.</summary>
    public int ClauseCount => Sections.Count(s => s.Kind != SectionKind.Appendix);

    public bool Has(SectionKind kind) => Sections.Any(s => s.Kind == kind);

    public SectionLine? SectionOf(SectionKind kind) => Sections.FirstOrDefault(s => s.Kind == kind);

    /// <summary>The clause number of a section (its place among the numbered sections present), or null (absent, or the appendix).</summary>
    public int? ClauseNumberOf(SectionKind kind)
    {
        if (kind == SectionKind.Appendix) return null;
        var index = Sections.Where(s => s.Kind != SectionKind.Appendix).Select(s => s.Kind).ToList().IndexOf(kind);
        return index < 0 ? null : index + 1;
    }

    public IEnumerable<ObligationLine> ObligationsOf(ObligationSide side) => Obligations.Where(o => o.Side == side);

    /// <summary>Every part with its identity, for matching the same clause in two versions.</summary>
    public IEnumerable<Guid> ClauseIds =>
        Sections.Select(x => x.Clause).Concat(Obligations.Select(x => x.Clause)).Concat(DataRows.Select(x => x.Clause))
            .Concat(Fees.Select(x => x.Clause)).Concat(Payments.Select(x => x.Clause)).Concat(LegalReferences.Select(x => x.Clause))
            .Concat(Definitions.Select(x => x.Clause)).Concat(AppendixItems.Select(x => x.Clause));

    /// <summary>The content of a version loaded with its parts.</summary>
    public static AgreementContent Of(AgreementVersion v) => new AgreementContent
    {
        ServiceTitle = v.ServiceTitle,
        ProviderName = v.ProviderName,
        RecipientsDescription = v.RecipientsDescription,
        Letterhead = v.Letterhead,
        DocumentTitle = v.DocumentTitle,
        Subheading = v.Subheading,
        ValidUntil = v.ValidUntil,
        ValidityText = v.ValidityText,
        Signatory = v.Signatory,
        StatesClauseCount = v.StatesClauseCount,
        IsFree = v.IsFree,
        CostNote = v.CostNote,
        PaymentsIntro = v.PaymentsIntro,
        ProviderObligationsIntro = v.ProviderObligationsIntro,
        RecipientObligationsIntro = v.RecipientObligationsIntro,
        Sections = [.. v.Sections.Select(s => new SectionLine(s.ClauseId, s.Kind, s.Body))],
        Obligations = [.. v.Obligations.Select(o => new ObligationLine(o.ClauseId, o.Side, o.Order, o.Text, o.Target))],
        DataRows = [.. v.DataRows.Select(d => new DataLine(d.ClauseId, d.Order, d.DataType, d.ProvidingUnit, d.ReceivingUnit, d.StorageLevel, d.UsedForAnalytics, d.PublicVisible, d.PublicationScope))],
        Fees = [.. v.Fees.Select(f => new FeeLine(f.ClauseId, f.Order, f.ServiceName, f.CostType, f.Description, f.AmountRials))],
        Payments = [.. v.PaymentMechanisms.Select(p => new PaymentLine(p.ClauseId, p.Order, p.Description, p.AccountOwnerName, p.Iban, p.Channels))],
        LegalReferences = [.. v.LegalReferences.Select(l => new LegalReferenceLine(l.ClauseId, l.Order, l.Title, l.ArticleOrClause, l.ApprovingBody, l.Number, l.Date, l.Note))],
        Definitions = [.. v.Definitions.Select(d => new DefinitionLine(d.ClauseId, d.Order, d.Term, d.Text))],
        AppendixItems = [.. v.AppendixItems.Select(a => new AppendixLine(a.ClauseId, a.Order, a.Text))],
    }.Normalized();

    /// <summary>
    /// The same content in canonical form: texts cleaned as stored, sections in the template's
    /// order, obligations by side then order, other rows by order, rows numbered 1, 2, 3… within their list.
    /// </summary>
    public AgreementContent Normalized() => this with
    {
        ServiceTitle = Clean(ServiceTitle) ?? "",
        ProviderName = Clean(ProviderName) ?? "",
        RecipientsDescription = Clean(RecipientsDescription),
        Letterhead = Clean(Letterhead),
        DocumentTitle = Clean(DocumentTitle),
        Subheading = Clean(Subheading),
        ValidityText = Clean(ValidityText),
        Signatory = Clean(Signatory),
        CostNote = Clean(CostNote),
        PaymentsIntro = Clean(PaymentsIntro),
        ProviderObligationsIntro = Clean(ProviderObligationsIntro),
        RecipientObligationsIntro = Clean(RecipientObligationsIntro),
        Sections = [.. Sections.OrderBy(s => s.Kind).Select(s => s with { Body = Clean(s.Body) ?? "" })],
        Obligations =
        [
            .. Obligations.GroupBy(o => o.Side).OrderBy(g => g.Key)
                .SelectMany(g => g.OrderBy(o => o.Order).Select((o, i) => o with { Order = i + 1, Text = Clean(o.Text) ?? "", Target = Clean(o.Target) })),
        ],
        DataRows = [.. DataRows.OrderBy(d => d.Order).Select((d, i) => d with { Order = i + 1, DataType = Clean(d.DataType) ?? "" })],
        Fees = [.. Fees.OrderBy(f => f.Order).Select((f, i) => f with { Order = i + 1, ServiceName = Clean(f.ServiceName) ?? "", Description = Clean(f.Description) })],
        Payments =
        [
            .. Payments.OrderBy(p => p.Order).Select((p, i) => p with
            {
                Order = i + 1, Description = Clean(p.Description) ?? "", AccountOwnerName = Clean(p.AccountOwnerName),
                Iban = string.IsNullOrWhiteSpace(p.Iban) ? null : p.Iban,
            }),
        ],
        LegalReferences =
        [
            .. LegalReferences.OrderBy(l => l.Order).Select((l, i) => l with
            {
                Order = i + 1, Title = Clean(l.Title) ?? "", ArticleOrClause = Clean(l.ArticleOrClause), ApprovingBody = Clean(l.ApprovingBody),
                Number = Clean(l.Number), Note = Clean(l.Note),
            }),
        ],
        Definitions = [.. Definitions.OrderBy(d => d.Order).Select((d, i) => d with { Order = i + 1, Term = Clean(d.Term) ?? "", Text = Clean(d.Text) ?? "" })],
        AppendixItems = [.. AppendixItems.OrderBy(a => a.Order).Select((a, i) => a with { Order = i + 1, Text = Clean(a.Text) ?? "" })],
    };

    /// <summary>
    /// Writes this content into a working version: its fields, and its parts replaced by the content's
    /// rows, each keeping the clause identity the content carries.
    /// </summary>
    public void WriteTo(AgreementVersion v)
    {
        var c = Normalized();
        v.ServiceTitle = c.ServiceTitle;
        v.ProviderName = c.ProviderName;
        v.RecipientsDescription = c.RecipientsDescription;
        v.Letterhead = c.Letterhead;
        v.DocumentTitle = c.DocumentTitle;
        v.Subheading = c.Subheading;
        v.ValidUntil = c.ValidUntil;
        v.ValidityText = c.ValidityText;
        v.Signatory = c.Signatory;
        v.StatesClauseCount = c.StatesClauseCount;
        v.IsFree = c.IsFree;
        v.CostNote = c.CostNote;
        v.PaymentsIntro = c.PaymentsIntro;
        v.ProviderObligationsIntro = c.ProviderObligationsIntro;
        v.RecipientObligationsIntro = c.RecipientObligationsIntro;
        Replace(v.Sections, c.Sections, s => new Section { ClauseId = s.Clause, Kind = s.Kind, Body = s.Body });
        Replace(v.Obligations, c.Obligations, o => new Obligation { ClauseId = o.Clause, Side = o.Side, Order = o.Order, Text = o.Text, Target = o.Target });
        Replace(v.DataRows, c.DataRows, d => new DataClassificationRow
        {
            ClauseId = d.Clause, Order = d.Order, DataType = d.DataType, ProvidingUnit = d.ProvidingUnit, ReceivingUnit = d.ReceivingUnit,
            StorageLevel = d.StorageLevel, UsedForAnalytics = d.UsedForAnalytics, PublicVisible = d.PublicVisible, PublicationScope = d.PublicationScope,
        });
        Replace(v.Fees, c.Fees, f => new Fee { ClauseId = f.Clause, Order = f.Order, ServiceName = f.ServiceName, CostType = f.CostType, Description = f.Description, AmountRials = f.AmountRials });
        Replace(v.PaymentMechanisms, c.Payments, p => new PaymentMechanism
        {
            ClauseId = p.Clause, Order = p.Order, Description = p.Description, AccountOwnerName = p.AccountOwnerName, Iban = p.Iban, Channels = p.Channels,
        });
        Replace(v.LegalReferences, c.LegalReferences, l => new LegalReference
        {
            ClauseId = l.Clause, Order = l.Order, Title = l.Title, ArticleOrClause = l.ArticleOrClause, ApprovingBody = l.ApprovingBody,
            Number = l.Number, Date = l.Date, Note = l.Note,
        });
        Replace(v.Definitions, c.Definitions, d => new Definition { ClauseId = d.Clause, Order = d.Order, Term = d.Term, Text = d.Text });
        Replace(v.AppendixItems, c.AppendixItems, a => new AppendixItem { ClauseId = a.Clause, Order = a.Order, Text = a.Text });
    }

    /// <summary>A new working version with this content, its clause identities kept.</summary>
    public AgreementVersion ToVersion(int number, AgreementStatus status)
    {
        var version = new AgreementVersion { Number = number, Status = status };
        WriteTo(version);
        return version;
    }

    private static void Replace<TPart, TLine>(List<TPart> parts, IReadOnlyList<TLine> lines, Func<TLine, TPart> create)
    {
        parts.Clear();
        parts.AddRange(lines.Select(create));
    }

    /// <summary>
    /// Text as stored: Persian-normalised (as the save interceptor does) with line breaks as «\n»;
    /// null when blank.
    /// </summary>
    public static string? Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var normalized = PersianText.Normalize(text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n'));
        return normalized.Length == 0 ? null : normalized;
    }

    public bool Equals(AgreementContent? other) =>
        other is not null
        && (ServiceTitle, ProviderName, RecipientsDescription, Letterhead, DocumentTitle, ValidUntil, ValidityText, Signatory)
            == (other.ServiceTitle, other.ProviderName, other.RecipientsDescription, other.Letterhead, other.DocumentTitle, other.ValidUntil, other.ValidityText, other.Signatory)
        && (StatesClauseCount, IsFree, CostNote, PaymentsIntro, ProviderObligationsIntro, RecipientObligationsIntro, Subheading)
            == (other.StatesClauseCount, other.IsFree, other.CostNote, other.PaymentsIntro, other.ProviderObligationsIntro, other.RecipientObligationsIntro, other.Subheading)
        && Sections.SequenceEqual(other.Sections)
        && Obligations.SequenceEqual(other.Obligations)
        && DataRows.SequenceEqual(other.DataRows)
        && Fees.SequenceEqual(other.Fees)
        && Payments.SequenceEqual(other.Payments)
        && LegalReferences.SequenceEqual(other.LegalReferences)
        && Definitions.SequenceEqual(other.Definitions)
        && AppendixItems.SequenceEqual(other.AppendixItems);

    public override int GetHashCode() => HashCode.Combine(ServiceTitle, ProviderName, ValidUntil, Sections.Count, Obligations.Count, DataRows.Count, Fees.Count);
}

public sealed record SectionLine(Guid Clause, SectionKind Kind, string Body);

public sealed record ObligationLine(Guid Clause, ObligationSide Side, int Order, string Text, string? Target);

public sealed record DataLine(Guid Clause, int Order, string DataType, DataParty ProvidingUnit, DataParty ReceivingUnit, StorageLevel StorageLevel, bool UsedForAnalytics, bool PublicVisible, PublicationScope PublicationScope);

public sealed record FeeLine(Guid Clause, int Order, string ServiceName, CostType CostType, string? Description, long? AmountRials);

/// <summary>A payment mechanism; <see cref="Iban"/> is kept exactly as typed, valid or not.</summary>
public sealed record PaymentLine(Guid Clause, int Order, string Description, string? AccountOwnerName, string? Iban, PaymentChannels Channels);

public sealed record LegalReferenceLine(Guid Clause, int Order, string Title, string? ArticleOrClause, string? ApprovingBody, string? Number, DateOnly? Date, string? Note);

public sealed record DefinitionLine(Guid Clause, int Order, string Term, string Text);

public sealed record AppendixLine(Guid Clause, int Order, string Text);
