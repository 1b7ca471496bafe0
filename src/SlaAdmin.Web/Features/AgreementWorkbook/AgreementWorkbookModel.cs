using SlaAdmin.Data.Entities;
using SlaAdmin.Persian;

namespace SlaAdmin.Features.AgreementWorkbook;

/// <summary>
/// An agreement version as the workbook holds it: what the exporter writes and the importer reads
/// back. Texts are normalised as the database stores them (see <see cref="Clean"/>), lists are in a
/// fixed order, so two models of the same content are equal part by part.
/// </summary>
public sealed record AgreementWorkbookModel
{
    /// <summary>Null for a new agreement; otherwise the agreement the workbook was exported from.</summary>
    public int? AgreementId { get; init; }
    public int? VersionNumber { get; init; }

    /// <summary>The version's concurrency stamp at export, so an import can tell a stale workbook.</summary>
    public Guid? ConcurrencyStamp { get; init; }
    public AgreementStatus? Status { get; init; }

    public string ServiceTitle { get; init; } = "";
    public string ProviderName { get; init; } = "";
    public string? RecipientsDescription { get; init; }
    public IReadOnlyList<string> RecipientNames { get; init; } = [];

    public DateOnly? ValidUntil { get; init; }
    public string? ValidityText { get; init; }
    public string? Signatory { get; init; }
    public bool StatesClauseCount { get; init; }
    public string? DocumentTitle { get; init; }
    public string? Letterhead { get; init; }
    public bool IsFree { get; init; }
    public string? CostNote { get; init; }
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

    /// <summary>The clause number of a section (its place among the numbered sections present), or null.</summary>
    public int? ClauseNumberOf(SectionKind kind)
    {
        if (kind == SectionKind.Appendix) return null;
        var index = Sections.Where(s => s.Kind != SectionKind.Appendix).Select(s => s.Kind).ToList().IndexOf(kind);
        return index < 0 ? null : index + 1;
    }

    /// <summary>The workbook content of a loaded version (with its agreement, service, parties and parts).</summary>
    public static AgreementWorkbookModel FromVersion(AgreementVersion version)
    {
        var service = version.Agreement.EService;
        return new AgreementWorkbookModel
        {
            AgreementId = version.AgreementId,
            VersionNumber = version.Number,
            ConcurrencyStamp = version.ConcurrencyStamp,
            Status = version.Status,
            ServiceTitle = Clean(service.Title) ?? "",
            ProviderName = Clean(service.Provider.Name) ?? "",
            RecipientsDescription = Clean(service.RecipientsDescription),
            RecipientNames = SortNames(service.Recipients.Select(r => r.Name)),
            ValidUntil = version.ValidUntil,
            ValidityText = Clean(version.ValidityText),
            Signatory = Clean(version.Signatory),
            StatesClauseCount = version.StatesClauseCount,
            DocumentTitle = Clean(version.DocumentTitle),
            Letterhead = Clean(version.Letterhead),
            IsFree = version.IsFree,
            CostNote = Clean(version.CostNote),
            ProviderObligationsIntro = Clean(version.ProviderObligationsIntro),
            RecipientObligationsIntro = Clean(version.RecipientObligationsIntro),
            Sections = SortSections(version.Sections.Select(s => new SectionLine(s.Kind, Clean(s.Body) ?? ""))),
            Obligations = SortObligations(version.Obligations.Select(o => new ObligationLine(o.Side, o.Order, Clean(o.Text) ?? "", Clean(o.Target)))),
            DataRows = [.. version.DataRows.OrderBy(d => d.Order).Select(d => new DataLine(d.Order, Clean(d.DataType) ?? "", d.ProvidingUnit, d.ReceivingUnit, d.StorageLevel, d.UsedForAnalytics, d.PublicVisible, d.PublicationScope))],
            Fees = [.. version.Fees.OrderBy(f => f.Order).Select(f => new FeeLine(f.Order, Clean(f.ServiceName) ?? "", f.CostType, Clean(f.Description), f.AmountRials))],
            Payments = [.. version.PaymentMechanisms.OrderBy(p => p.Order).Select(p => new PaymentLine(p.Order, Clean(p.Description) ?? "", Clean(p.AccountOwner?.Name), string.IsNullOrWhiteSpace(p.Iban) ? null : p.Iban, p.Channels))],
            LegalReferences = [.. version.LegalReferences.OrderBy(l => l.Order).Select(l => new LegalReferenceLine(l.Order, Clean(l.Title) ?? "", Clean(l.ArticleOrClause), Clean(l.ApprovingBody), Clean(l.Number), l.Date, Clean(l.Note)))],
            Definitions = [.. version.Definitions.OrderBy(d => d.Order).Select(d => new DefinitionLine(d.Order, Clean(d.Term) ?? "", Clean(d.Text) ?? ""))],
            AppendixItems = [.. version.AppendixItems.OrderBy(a => a.Order).Select(a => new AppendixLine(a.Order, Clean(a.Text) ?? ""))],
        };
    }

    /// <summary>
    /// Text as stored: Persian-normalised (as the save interceptor does) with line breaks as «\n»
    /// (a cell gives back \n for \r\n); null when blank.
    /// </summary>
    public static string? Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var normalized = PersianText.Normalize(text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n'));
        return normalized.Length == 0 ? null : normalized;
    }

    internal static IReadOnlyList<string> SortNames(IEnumerable<string> names) =>
        [.. names.Select(Clean).OfType<string>().Order(StringComparer.Ordinal)];

    internal static IReadOnlyList<SectionLine> SortSections(IEnumerable<SectionLine> sections) => [.. sections.OrderBy(s => s.Kind)];

    internal static IReadOnlyList<ObligationLine> SortObligations(IEnumerable<ObligationLine> obligations) =>
        [.. obligations.OrderBy(o => o.Side).ThenBy(o => o.Order)];
}

public sealed record SectionLine(SectionKind Kind, string Body);

public sealed record ObligationLine(ObligationSide Side, int Order, string Text, string? Target);

public sealed record DataLine(int Order, string DataType, DataParty ProvidingUnit, DataParty ReceivingUnit, StorageLevel StorageLevel, bool UsedForAnalytics, bool PublicVisible, PublicationScope PublicationScope);

public sealed record FeeLine(int Order, string ServiceName, CostType CostType, string? Description, long? AmountRials);

/// <summary>A payment mechanism; <see cref="Iban"/> is kept exactly as typed, valid or not.</summary>
public sealed record PaymentLine(int Order, string Description, string? AccountOwnerName, string? Iban, PaymentChannels Channels);

public sealed record LegalReferenceLine(int Order, string Title, string? ArticleOrClause, string? ApprovingBody, string? Number, DateOnly? Date, string? Note);

public sealed record DefinitionLine(int Order, string Term, string Text);

public sealed record AppendixLine(int Order, string Text);
