using SlaAdmin.Components.Shared;
using SlaAdmin.Data.Entities;
using SlaAdmin.Features.Agreements;
using SlaAdmin.Features.History;
using SlaAdmin.Persian;
using SlaAdmin.Vocabulary;

namespace SlaAdmin.Features.Agreements.Workbook;

/// <summary>How one part of the agreement (obligations, fees, …) changes; rows are matched by clause identity.</summary>
public sealed record PartChange(string Part, int Before, int After, IReadOnlyList<FieldChange> Added, IReadOnlyList<FieldChange> Removed,
    IReadOnlyList<FieldChange> Changed, IReadOnlyList<FieldChange> Moved)
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
    public static IReadOnlyList<FieldChange> Fields(AgreementContent? before, AgreementContent after)
    {
        var changes = new List<FieldChange>();
        void Field(SummaryField field, Func<AgreementContent, string?> text)
        {
            var (a, b) = (before is null ? null : text(before), text(after));
            if (a != b) changes.Add(new FieldChange(SummarySheet.Rows.First(r => r.Field == field).Label, a, b));
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
    public static (IReadOnlyList<FieldChange> Fills, IReadOnlyList<(SummaryField Field, FieldChange Change)> Conflicts) Card(ServiceCard? known, ServiceCard given)
    {
        var fills = new List<FieldChange>();
        var conflicts = new List<(SummaryField, FieldChange)>();
        void Fact(SummaryField field, Func<ServiceCard, string?> text)
        {
            var (was, now) = (known is null ? null : text(known), text(given));
            if (now is null || was == now) return;
            var change = new FieldChange(SummarySheet.Rows.First(r => r.Field == field).Label, was, now);
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

    /// <summary>The tables of a version, in the order the preview lists them; a section's own text is under «بخش‌ها».</summary>
    private static readonly string[] Tables =
        [Sections, Clauses.Obligations, Clauses.Data, Clauses.Fees, Clauses.Payments, Clauses.LegalReferences, Clauses.Definitions, Clauses.Appendix];

    private const string Sections = "بخش‌ها";

    public static IReadOnlyList<PartChange> Parts(AgreementContent? before, AgreementContent after)
    {
        var old = before is null ? [] : Clauses.Of(before);
        var now = Clauses.Of(after);
        return [.. Tables.Select(table => Compare(table, [.. old.Where(c => (c.Table ?? Sections) == table)], [.. now.Where(c => (c.Table ?? Sections) == table)]))];
    }

    private static PartChange Compare(string part, IReadOnlyList<Clause> before, IReadOnlyList<Clause> after)
    {
        var old = before.ToDictionary(c => c.Id);
        var now = after.ToDictionary(c => c.Id);
        var added = after.Where(x => !old.ContainsKey(x.Id)).Select(x => new FieldChange(x.Where, null, x.Text, x.Id)).ToList();
        var removed = before.Where(x => !now.ContainsKey(x.Id)).Select(x => new FieldChange(x.Where, x.Text, null, x.Id)).ToList();
        var changed = after.Where(x => old.TryGetValue(x.Id, out var was) && was.Text != x.Text)
            .Select(x => new FieldChange(x.Where, old[x.Id].Text, x.Text, x.Id)).ToList();
        var kept = Clauses.KeptInPlace([.. before.Select(c => c.Id).Where(now.ContainsKey)], [.. after.Select(c => c.Id).Where(old.ContainsKey)]);
        var moved = after.Where(x => old.ContainsKey(x.Id) && !kept.Contains(x.Id))
            .Select(x => new FieldChange(x.Where, old[x.Id].Where, x.Where, x.Id)).ToList();
        return new PartChange(part, before.Count, after.Count, added, removed, changed, moved);
    }
}
