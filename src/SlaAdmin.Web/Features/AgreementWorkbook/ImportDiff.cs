using System.Globalization;
using SlaAdmin.Components.Shared;
using SlaAdmin.Data.Entities;
using SlaAdmin.Persian;

namespace SlaAdmin.Features.AgreementWorkbook;

/// <summary>A field or row whose text changes: where (in Persian), before and after (null when absent).</summary>
public sealed record TextChange(string Where, string? Before, string? After);

/// <summary>How one part of the agreement (obligations, fees, …) changes; rows are matched by clause identity.</summary>
public sealed record PartChange(string Part, int Before, int After, IReadOnlyList<TextChange> Added, IReadOnlyList<TextChange> Removed,
    IReadOnlyList<TextChange> Changed, IReadOnlyList<TextChange> Moved)
{
    public bool HasChanges => Added.Count + Removed.Count + Changed.Count + Moved.Count > 0;
}

/// <summary>
/// What an import would change, worked out on two contents (the version the workbook was taken from,
/// and the workbook's). Rows are the same clause when they carry the same identity, so inserting one
/// obligation is one insertion and moving one is one move, whatever happens to the row numbers.
/// </summary>
internal static class ImportDiff
{
    public static IReadOnlyList<TextChange> Fields(AgreementContent? before, AgreementContent after)
    {
        var changes = new List<TextChange>();
        void Field(SummaryField field, Func<AgreementContent, string?> text)
        {
            var (a, b) = (before is null ? null : text(before), text(after));
            if (a != b) changes.Add(new TextChange(SummarySheet.Rows.First(r => r.Field == field).Label, a, b));
        }
        Field(SummaryField.ServiceTitle, m => m.ServiceTitle);
        Field(SummaryField.Provider, m => m.ProviderName);
        Field(SummaryField.RecipientsDescription, m => m.RecipientsDescription);
        Field(SummaryField.ValidUntilJalali, m => m.ValidUntil is { } d ? Jalali.FormatPersian(d) : null);
        Field(SummaryField.ValidityText, m => m.ValidityText);
        Field(SummaryField.Signatory, m => m.Signatory);
        Field(SummaryField.StatesClauseCount, m => Labels.Of(m.StatesClauseCount));
        Field(SummaryField.DocumentTitle, m => m.DocumentTitle);
        Field(SummaryField.Subheading, m => m.Subheading);
        Field(SummaryField.Letterhead, m => m.Letterhead);
        Field(SummaryField.IsFree, m => Labels.CostsOf(m.IsFree));
        Field(SummaryField.CostNote, m => m.CostNote);
        Field(SummaryField.PaymentsIntro, m => m.PaymentsIntro);
        Field(SummaryField.ProviderObligationsIntro, m => m.ProviderObligationsIntro);
        Field(SummaryField.RecipientObligationsIntro, m => m.RecipientObligationsIntro);
        return changes;
    }

    /// <summary>
    /// How a workbook's service card meets the service's (null for a new service): the facts it fills in
    /// (unknown on the service, given in the workbook) and the facts it contradicts (known, and different).
    /// A fact left empty in the workbook says nothing.
    /// </summary>
    public static (IReadOnlyList<TextChange> Fills, IReadOnlyList<(SummaryField Field, TextChange Change)> Conflicts) Card(ServiceCard? known, ServiceCard given)
    {
        var fills = new List<TextChange>();
        var conflicts = new List<(SummaryField, TextChange)>();
        void Fact(SummaryField field, Func<ServiceCard, string?> text)
        {
            var (was, now) = (known is null ? null : text(known), text(given));
            if (now is null || was == now) return;
            var change = new TextChange(SummarySheet.Rows.First(r => r.Field == field).Label, was, now);
            if (was is null) fills.Add(change);
            else conflicts.Add((field, change));
        }
        Fact(SummaryField.NationalId, c => c.NationalId is null ? null : PersianDigits.ToPersian(c.NationalId));
        Fact(SummaryField.ProviderUnit, c => c.ProviderUnit);
        Fact(SummaryField.Nature, c => c.Nature is { } v ? Labels.Of(v) : null);
        Fact(SummaryField.ServiceTypes, c => c.Types is { } v ? Labels.Of(v) : null);
        Fact(SummaryField.Level, c => c.Level is { } v ? Labels.Of(v) : null);
        Fact(SummaryField.ServiceStatus, c => c.Status is { } v ? Labels.Of(v) : null);
        Fact(SummaryField.Definition, c => c.Definition);
        Fact(SummaryField.InteractionChannels, c => c.InteractionChannels);
        Fact(SummaryField.WebAddress, c => c.WebAddress);
        Fact(SummaryField.RequestSteps, c => c.RequestSteps);
        Fact(SummaryField.ReportingAndReview, c => c.ReportingAndReview);
        Fact(SummaryField.ServiceDeskUrl, c => c.ServiceDeskUrl);
        return (fills, conflicts);
    }

    public static IReadOnlyList<PartChange> Parts(AgreementContent? before, AgreementContent after) =>
    [
        Compare("بخش‌ها", before?.Sections, after.Sections, s => s.Clause, s => s, s => $"بخش «{Labels.Of(s.Kind)}»", s => s.Body),
        Compare("تعهدات", before?.Obligations, after.Obligations, o => o.Clause, o => o with { Order = 0 },
            o => $"تعهد {Labels.Of(o.Side)}، ردیف {Digits(o.Order)}", o => o.Target is null ? o.Text : $"{o.Text} (هدف: {o.Target})"),
        Compare("داده‌ها", before?.DataRows, after.DataRows, d => d.Clause, d => d with { Order = 0 }, d => $"داده ردیف {Digits(d.Order)}",
            d => Join(d.DataType, Labels.Of(d.ProvidingUnit), Labels.Of(d.ReceivingUnit), Labels.Of(d.StorageLevel),
                $"تحلیل: {Labels.Of(d.UsedForAnalytics)}", $"نمایش عمومی: {Labels.Of(d.PublicVisible)}", Labels.Of(d.PublicationScope))),
        Compare("هزینه‌ها", before?.Fees, after.Fees, f => f.Clause, f => f with { Order = 0 }, f => $"هزینه ردیف {Digits(f.Order)}",
            f => Join(f.ServiceName, Labels.Of(f.CostType), f.Description, f.AmountRials is { } a ? $"{PersianDigits.Format(a)} ریال" : null)),
        Compare("پرداخت", before?.Payments, after.Payments, p => p.Clause, p => p with { Order = 0 }, p => $"پرداخت ردیف {Digits(p.Order)}",
            p => Join(p.Description, p.AccountOwnerName, p.Iban is null ? null : $"شبا {p.Iban}", Labels.Of(p.Channels))),
        Compare("مبانی قانونی", before?.LegalReferences, after.LegalReferences, l => l.Clause, l => l with { Order = 0 }, l => $"مبنای قانونی ردیف {Digits(l.Order)}",
            l => Join(l.Title, l.ArticleOrClause, l.ApprovingBody, l.Number, l.Date is { } d ? Jalali.FormatPersian(d) : null, l.Note)),
        Compare("تعاریف", before?.Definitions, after.Definitions, d => d.Clause, d => d with { Order = 0 }, d => $"تعریف ردیف {Digits(d.Order)}", d => $"{d.Term}: {d.Text}"),
        Compare("پیوست", before?.AppendixItems, after.AppendixItems, a => a.Clause, a => a with { Order = 0 }, a => $"پیوست ردیف {Digits(a.Order)}", a => a.Text),
    ];

    private static PartChange Compare<T>(string part, IReadOnlyList<T>? before, IReadOnlyList<T> after,
        Func<T, Guid> clause, Func<T, T> withoutPlace, Func<T, string> where, Func<T, string> text)
    {
        before ??= [];
        var old = before.ToDictionary(clause);
        var now = after.ToDictionary(clause);
        var added = after.Where(x => !old.ContainsKey(clause(x))).Select(x => new TextChange(where(x), null, text(x))).ToList();
        var removed = before.Where(x => !now.ContainsKey(clause(x))).Select(x => new TextChange(where(x), text(x), null)).ToList();
        var changed = after.Where(x => old.TryGetValue(clause(x), out var was) && !Equals(withoutPlace(was), withoutPlace(x)))
            .Select(x => new TextChange(where(x), text(old[clause(x)]), text(x))).ToList();
        var kept = KeptInPlace([.. before.Select(clause).Where(now.ContainsKey)], [.. after.Select(clause).Where(old.ContainsKey)]);
        var moved = after.Where(x => old.ContainsKey(clause(x)) && !kept.Contains(clause(x)))
            .Select(x => new TextChange(where(x), where(old[clause(x)]), where(x))).ToList();
        return new PartChange(part, before.Count, after.Count, added, removed, changed, moved);
    }

    /// <summary>The clauses that keep their relative order (a longest common subsequence); the others moved.</summary>
    private static HashSet<Guid> KeptInPlace(IReadOnlyList<Guid> before, IReadOnlyList<Guid> after)
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

    private static string Digits(int number) => PersianDigits.ToPersian(number.ToString(CultureInfo.InvariantCulture));
}
