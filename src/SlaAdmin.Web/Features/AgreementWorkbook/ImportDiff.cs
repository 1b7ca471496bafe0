using System.Globalization;
using SlaAdmin.Components.Shared;
using SlaAdmin.Persian;

namespace SlaAdmin.Features.AgreementWorkbook;

/// <summary>A field or row whose text changes: where (in Persian), before and after (null when absent).</summary>
public sealed record TextChange(string Where, string? Before, string? After);

/// <summary>How one part of the agreement (obligations, fees, …) changes.</summary>
public sealed record PartChange(string Part, int Before, int After, IReadOnlyList<TextChange> Added, IReadOnlyList<TextChange> Removed, IReadOnlyList<TextChange> Changed)
{
    public bool HasChanges => Added.Count + Removed.Count + Changed.Count > 0;
}

/// <summary>What an import would change, worked out on the models (the database's current version and the workbook's).</summary>
internal static class ImportDiff
{
    public static IReadOnlyList<TextChange> Fields(AgreementWorkbookModel? before, AgreementWorkbookModel after)
    {
        var changes = new List<TextChange>();
        void Field(SummaryField field, Func<AgreementWorkbookModel, string?> text)
        {
            var (a, b) = (before is null ? null : text(before), text(after));
            if (a != b) changes.Add(new TextChange(SummarySheet.Rows.First(r => r.Field == field).Label, a, b));
        }
        Field(SummaryField.ServiceTitle, m => m.ServiceTitle);
        Field(SummaryField.Provider, m => m.ProviderName);
        Field(SummaryField.RecipientsDescription, m => m.RecipientsDescription);
        Field(SummaryField.RecipientGroups, m => m.RecipientNames.Count == 0 ? null : string.Join("؛ ", m.RecipientNames));
        Field(SummaryField.ValidUntilJalali, m => m.ValidUntil is { } d ? Jalali.FormatPersian(d) : null);
        Field(SummaryField.ValidityText, m => m.ValidityText);
        Field(SummaryField.Signatory, m => m.Signatory);
        Field(SummaryField.StatesClauseCount, m => Labels.Of(m.StatesClauseCount));
        Field(SummaryField.DocumentTitle, m => m.DocumentTitle);
        Field(SummaryField.Letterhead, m => m.Letterhead);
        Field(SummaryField.IsFree, m => Labels.Of(m.IsFree));
        Field(SummaryField.CostNote, m => m.CostNote);
        Field(SummaryField.ProviderObligationsIntro, m => m.ProviderObligationsIntro);
        Field(SummaryField.RecipientObligationsIntro, m => m.RecipientObligationsIntro);
        return changes;
    }

    public static IReadOnlyList<PartChange> Parts(AgreementWorkbookModel? before, AgreementWorkbookModel after) =>
    [
        Compare("بخش‌ها", before?.Sections, after.Sections, s => s.Kind, s => $"بخش «{Labels.Of(s.Kind)}»", s => s.Body),
        Compare("تعهدات", before?.Obligations, after.Obligations, o => (o.Side, o.Order),
            o => $"تعهد {Labels.Of(o.Side)}، ردیف {Digits(o.Order)}", o => o.Target is null ? o.Text : $"{o.Text} (هدف: {o.Target})"),
        Compare("داده‌ها", before?.DataRows, after.DataRows, d => d.Order, d => $"داده ردیف {Digits(d.Order)}",
            d => Join(d.DataType, Labels.Of(d.ProvidingUnit), Labels.Of(d.ReceivingUnit), Labels.Of(d.StorageLevel),
                $"تحلیل: {Labels.Of(d.UsedForAnalytics)}", $"نمایش عمومی: {Labels.Of(d.PublicVisible)}", Labels.Of(d.PublicationScope))),
        Compare("هزینه‌ها", before?.Fees, after.Fees, f => f.Order, f => $"هزینه ردیف {Digits(f.Order)}",
            f => Join(f.ServiceName, Labels.Of(f.CostType), f.Description, f.AmountRials is { } a ? $"{PersianDigits.Format(a)} ریال" : null)),
        Compare("پرداخت", before?.Payments, after.Payments, p => p.Order, p => $"پرداخت ردیف {Digits(p.Order)}",
            p => Join(p.Description, p.AccountOwnerName, p.Iban is null ? null : $"شبا {p.Iban}", Labels.Of(p.Channels))),
        Compare("مبانی قانونی", before?.LegalReferences, after.LegalReferences, l => l.Order, l => $"مبنای قانونی ردیف {Digits(l.Order)}",
            l => Join(l.Title, l.ArticleOrClause, l.ApprovingBody, l.Number, l.Date is { } d ? Jalali.FormatPersian(d) : null, l.Note)),
        Compare("تعاریف", before?.Definitions, after.Definitions, d => d.Order, d => $"تعریف ردیف {Digits(d.Order)}", d => $"{d.Term}: {d.Text}"),
        Compare("پیوست", before?.AppendixItems, after.AppendixItems, a => a.Order, a => $"پیوست ردیف {Digits(a.Order)}", a => a.Text),
    ];

    private static PartChange Compare<T, TKey>(string part, IReadOnlyList<T>? before, IReadOnlyList<T> after,
        Func<T, TKey> key, Func<T, string> where, Func<T, string> text) where TKey : notnull
    {
        before ??= [];
        var old = before.ToDictionary(key);
        var now = after.ToDictionary(key);
        var added = after.Where(x => !old.ContainsKey(key(x))).Select(x => new TextChange(where(x), null, text(x))).ToList();
        var removed = before.Where(x => !now.ContainsKey(key(x))).Select(x => new TextChange(where(x), text(x), null)).ToList();
        var changed = after.Where(x => old.TryGetValue(key(x), out var was) && !Equals(was, x))
            .Select(x => new TextChange(where(x), text(old[key(x)]), text(x))).ToList();
        return new PartChange(part, before.Count, after.Count, added, removed, changed);
    }

    private static string Join(params string?[] parts) => string.Join("؛ ", parts.Where(p => !string.IsNullOrEmpty(p)));

    private static string Digits(int number) => PersianDigits.ToPersian(number.ToString(CultureInfo.InvariantCulture));
}
