using SlaAdmin.Data.Entities;
using SlaAdmin.Features.Agreements;
using SlaAdmin.Vocabulary;

namespace SlaAdmin.Features.Review;

/// <summary>What happened to a clause between two versions.</summary>
public enum ClauseChange
{
    Same,
    Added,
    Removed,
    Changed,
    Moved,
}

/// <summary>One row of a table, compared by clause identity; <see cref="Words"/> marks the words added and removed.</summary>
public sealed record RowComparison(Guid Clause, string? WhereBefore, string? WhereAfter, ClauseChange Change, IReadOnlyList<WordRun> Words);

/// <summary>One section of the template in two versions: its text word by word, and its tables row by row.</summary>
public sealed record SectionComparison(SectionKind Kind, string Heading, int? NumberBefore, int? NumberAfter, ClauseChange Change,
    IReadOnlyList<WordRun> Body, IReadOnlyList<(string Table, IReadOnlyList<RowComparison> Rows)> Tables)
{
    /// <summary>Nothing changed here: the view folds it away.</summary>
    public bool Unchanged => Change == ClauseChange.Same && Tables.All(t => t.Rows.All(r => r.Change == ClauseChange.Same));
}

/// <summary>Side-by-side comparison of two versions' contents, section by section, rows matched by clause identity.</summary>
public static class VersionComparison
{
    public static IReadOnlyList<SectionComparison> Compare(AgreementContent before, AgreementContent after)
    {
        var (old, now) = (Clauses.Of(before), Clauses.Of(after));
        var kinds = before.Sections.Select(s => s.Kind).Union(after.Sections.Select(s => s.Kind)).Order();
        return [.. kinds.Select(kind => Section(kind, before, after, old, now))];
    }

    private static SectionComparison Section(SectionKind kind, AgreementContent before, AgreementContent after, IReadOnlyList<Clause> old, IReadOnlyList<Clause> now)
    {
        var (a, b) = (before.SectionOf(kind), after.SectionOf(kind));
        var change = a is null ? ClauseChange.Added : b is null ? ClauseChange.Removed
            : WordDiff.SameWords(a.Body, b.Body) ? ClauseChange.Same : ClauseChange.Changed;
        var tables = old.Concat(now).Where(c => c.Section == kind && c.Table is not null).Select(c => c.Table!).Distinct()
            .Select(table => (table, Rows(old.Where(c => c.Table == table).ToList(), now.Where(c => c.Table == table).ToList())))
            .ToList();
        return new SectionComparison(kind, Labels.Of(kind), before.ClauseNumberOf(kind), after.ClauseNumberOf(kind), change,
            WordDiff.Compare(a?.Body, b?.Body), tables);
    }

    private static IReadOnlyList<RowComparison> Rows(IReadOnlyList<Clause> before, IReadOnlyList<Clause> after)
    {
        var old = before.ToDictionary(c => c.Id);
        var now = after.ToDictionary(c => c.Id);
        var kept = Clauses.KeptInPlace([.. before.Select(c => c.Id).Where(now.ContainsKey)], [.. after.Select(c => c.Id).Where(old.ContainsKey)]);
        var rows = new List<RowComparison>();
        foreach (var c in after)
        {
            if (!old.TryGetValue(c.Id, out var was))
            {
                rows.Add(new(c.Id, null, c.Where, ClauseChange.Added, [new WordRun(WordChange.Added, c.Text)]));
                continue;
            }
            var change = !WordDiff.SameWords(was.Text, c.Text) ? ClauseChange.Changed : kept.Contains(c.Id) ? ClauseChange.Same : ClauseChange.Moved;
            rows.Add(new(c.Id, was.Where, c.Where, change, WordDiff.Compare(was.Text, c.Text)));
        }
        // Removed rows stay where they were, after the row that preceded them.
        foreach (var (c, index) in before.Select((c, i) => (c, i)).Where(x => !now.ContainsKey(x.c.Id)))
        {
            var previous = before.Take(index).LastOrDefault(p => now.ContainsKey(p.Id));
            var at = previous is null ? 0 : rows.FindIndex(r => r.Clause == previous.Id) + 1;
            rows.Insert(at, new(c.Id, c.Where, null, ClauseChange.Removed, [new WordRun(WordChange.Removed, c.Text)]));
        }
        return rows;
    }
}
