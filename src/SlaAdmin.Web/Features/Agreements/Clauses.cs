using SlaAdmin.Data.Entities;
using SlaAdmin.Persian;
using SlaAdmin.Vocabulary;

namespace SlaAdmin.Features.Agreements;

/// <summary>
/// One clause of a version as people refer to it: its identity, the section it belongs to, the table
/// it sits in (null for a section's own text), where it is in Persian («تعهد سازمان، ردیف ۳») and its
/// words as one text.
/// </summary>
public sealed record Clause(Guid Id, SectionKind Section, string? Table, string Where, string Text);

/// <summary>The clauses of a content, for comments, comparisons and checklists to address by identity.</summary>
public static class Clauses
{
    public const string Obligations = "تعهدات", Data = "داده‌ها", Fees = "هزینه‌ها", Payments = "پرداخت", LegalReferences = "مبانی قانونی",
        Definitions = "تعاریف", Appendix = "پیوست";

    /// <summary>Every section's text, then every row, in reading order.</summary>
    public static IReadOnlyList<Clause> Of(AgreementContent c) =>
    [
        .. c.Sections.Select(s => new Clause(s.Clause, s.Kind, null, $"بخش «{Labels.Of(s.Kind)}»", s.Body)),
        .. c.Obligations.Select(o => new Clause(o.Clause, SectionKind.Obligations, Obligations,
            $"تعهد {Labels.Of(o.Side)}، ردیف {PersianDigits.Of(o.Order)}", o.Target is null ? o.Text : $"{o.Text} (هدف: {o.Target})")),
        .. c.DataRows.Select(d => new Clause(d.Clause, SectionKind.Data, Data, $"داده ردیف {PersianDigits.Of(d.Order)}",
            Join(d.DataType, Labels.Of(d.ProvidingUnit), Labels.Of(d.ReceivingUnit), Labels.Of(d.StorageLevel),
                $"تحلیل: {Labels.Of(d.UsedForAnalytics)}", $"نمایش عمومی: {Labels.Of(d.PublicVisible)}", Labels.Of(d.PublicationScope)))),
        .. c.Fees.Select(f => new Clause(f.Clause, SectionKind.Costs, Fees, $"هزینه ردیف {PersianDigits.Of(f.Order)}",
            Join(f.ServiceName, Labels.Of(f.CostType), f.Description, f.AmountRials is { } a ? $"{PersianDigits.Format(a)} ریال" : null))),
        .. c.Payments.Select(p => new Clause(p.Clause, SectionKind.Costs, Payments, $"پرداخت ردیف {PersianDigits.Of(p.Order)}",
            Join(p.Description, p.AccountOwnerName, p.Iban is null ? null : $"شبا {p.Iban}", Labels.Of(p.Channels)))),
        .. c.LegalReferences.Select(l => new Clause(l.Clause, SectionKind.Responsibility, LegalReferences, $"مبنای قانونی ردیف {PersianDigits.Of(l.Order)}",
            Join(l.Title, l.ArticleOrClause, l.ApprovingBody, l.Number, l.Date is { } d ? Jalali.FormatPersian(d) : null, l.Note))),
        .. c.Definitions.Select(d => new Clause(d.Clause, SectionKind.Definitions, Definitions, $"تعریف ردیف {PersianDigits.Of(d.Order)}", $"{d.Term}: {d.Text}")),
        .. c.AppendixItems.Select(a => new Clause(a.Clause, SectionKind.Appendix, Appendix, $"پیوست ردیف {PersianDigits.Of(a.Order)}", a.Text)),
    ];

    /// <summary>The identities that keep their relative order between two sequences (a longest common subsequence); the others moved.</summary>
    public static HashSet<Guid> KeptInPlace(IReadOnlyList<Guid> before, IReadOnlyList<Guid> after)
    {
        var lengths = new int[before.Count + 1, after.Count + 1];
        for (var i = before.Count - 1; i >= 0; i--)
            for (var j = after.Count - 1; j >= 0; j--)
                lengths[i, j] = before[i] == after[j] ? lengths[i + 1, j + 1] + 1 : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
        var kept = new HashSet<Guid>();
        for (int i = 0, j = 0; i < before.Count && j < after.Count;)
        {
            if (before[i] == after[j]) { kept.Add(before[i]); i++; j++; }
            else if (lengths[i + 1, j] >= lengths[i, j + 1]) i++;
            else j++;
        }
        return kept;
    }

    private static string Join(params string?[] parts) => string.Join("؛ ", parts.Where(p => !string.IsNullOrEmpty(p)));
}
