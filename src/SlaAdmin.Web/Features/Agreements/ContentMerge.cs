using SlaAdmin.Data.Entities;

namespace SlaAdmin.Features.Agreements;

/// <summary>
/// Reapplies one editor's changes on top of a version someone else saved meanwhile: field by field,
/// and row by row by clause identity (my edits and removals win, their other changes and additions stay).
/// </summary>
public static class ContentMerge
{
    public static AgreementContent ReapplyOnto(this AgreementContent mine, AgreementContent original, AgreementContent current) => (current with
    {
        ServiceTitle = Pick(original.ServiceTitle, mine.ServiceTitle, current.ServiceTitle),
        ProviderName = Pick(original.ProviderName, mine.ProviderName, current.ProviderName),
        RecipientsDescription = Pick(original.RecipientsDescription, mine.RecipientsDescription, current.RecipientsDescription),
        Letterhead = Pick(original.Letterhead, mine.Letterhead, current.Letterhead),
        DocumentTitle = Pick(original.DocumentTitle, mine.DocumentTitle, current.DocumentTitle),
        Subheading = Pick(original.Subheading, mine.Subheading, current.Subheading),
        ValidUntil = Pick(original.ValidUntil, mine.ValidUntil, current.ValidUntil),
        ValidityText = Pick(original.ValidityText, mine.ValidityText, current.ValidityText),
        Signatory = Pick(original.Signatory, mine.Signatory, current.Signatory),
        StatesClauseCount = Pick(original.StatesClauseCount, mine.StatesClauseCount, current.StatesClauseCount),
        IsFree = Pick(original.IsFree, mine.IsFree, current.IsFree),
        CostNote = Pick(original.CostNote, mine.CostNote, current.CostNote),
        PaymentsIntro = Pick(original.PaymentsIntro, mine.PaymentsIntro, current.PaymentsIntro),
        ProviderObligationsIntro = Pick(original.ProviderObligationsIntro, mine.ProviderObligationsIntro, current.ProviderObligationsIntro),
        RecipientObligationsIntro = Pick(original.RecipientObligationsIntro, mine.RecipientObligationsIntro, current.RecipientObligationsIntro),
        Sections = Rows(original.Sections, mine.Sections, current.Sections, s => s.Clause, s => s),
        Obligations = Rows(original.Obligations, mine.Obligations, current.Obligations, o => o.Clause, o => o with { Order = 0 }),
        DataRows = Rows(original.DataRows, mine.DataRows, current.DataRows, d => d.Clause, d => d with { Order = 0 }),
        Fees = Rows(original.Fees, mine.Fees, current.Fees, f => f.Clause, f => f with { Order = 0 }),
        Payments = Rows(original.Payments, mine.Payments, current.Payments, p => p.Clause, p => p with { Order = 0 }),
        LegalReferences = Rows(original.LegalReferences, mine.LegalReferences, current.LegalReferences, l => l.Clause, l => l with { Order = 0 }),
        Definitions = Rows(original.Definitions, mine.Definitions, current.Definitions, d => d.Clause, d => d with { Order = 0 }),
        AppendixItems = Rows(original.AppendixItems, mine.AppendixItems, current.AppendixItems, a => a.Clause, a => a with { Order = 0 }),
    }).Normalized();

    private static T Pick<T>(T original, T mine, T current) => EqualityComparer<T>.Default.Equals(original, mine) ? current : mine;

    /// <summary>My rows in my order (a row is untouched when only its number moved) (theirs where I left a row untouched, none where they removed it), then the rows they added.</summary>
    private static IReadOnlyList<T> Rows<T>(IReadOnlyList<T> original, IReadOnlyList<T> mine, IReadOnlyList<T> current, Func<T, Guid> clause, Func<T, T> withoutPlace)
    {
        var before = original.ToDictionary(clause);
        var now = current.ToDictionary(clause);
        var merged = new List<T>();
        foreach (var row in mine)
        {
            var id = clause(row);
            var untouched = before.TryGetValue(id, out var was) && Equals(withoutPlace(was), withoutPlace(row));
            if (!untouched) merged.Add(row);
            else if (now.TryGetValue(id, out var theirs)) merged.Add(theirs);
        }
        var mineIds = mine.Select(clause).ToHashSet();
        merged.AddRange(current.Where(r => !before.ContainsKey(clause(r)) && !mineIds.Contains(clause(r))));
        return merged;
    }
}
