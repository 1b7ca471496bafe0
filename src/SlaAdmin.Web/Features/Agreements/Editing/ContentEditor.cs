using Microsoft.AspNetCore.Components;
using SlaAdmin.Data.Entities;

namespace SlaAdmin.Features.Agreements.Editing;

/// <summary>
/// What every section editor shares: it shows part of one <see cref="AgreementContent"/>, hands every
/// change back as a new content value (never mutating the one it was given), and shows the rules'
/// problems beside the rows they concern.
/// </summary>
public abstract class ContentEditor : ComponentBase
{
    [Parameter, EditorRequired] public AgreementContent Content { get; set; } = new();
    [Parameter] public EventCallback<AgreementContent> ContentChanged { get; set; }
    [Parameter] public IReadOnlyList<ContentProblem> Problems { get; set; } = [];
    [Parameter] public bool ReadOnly { get; set; }

    private AgreementContent? received;

    /// <summary>
    /// The content as this editor last saw or made it. A second edit must build on the first even
    /// before the page hands the first back as <see cref="Content"/>.
    /// </summary>
    protected AgreementContent Current { get; private set; } = new();

    protected override void OnParametersSet()
    {
        if (ReferenceEquals(Content, received)) return;
        received = Content;
        Current = Content;
    }

    protected async Task ChangeAsync(AgreementContent next)
    {
        if (ReadOnly || next.Equals(Current)) return;
        Current = next;
        await ContentChanged.InvokeAsync(next);
    }

    protected IEnumerable<ContentProblem> ProblemsOf(Guid clause) => Problems.Where(p => p.ClauseId == clause);

    /// <summary>Problems of the section as a whole (no row), for the places this editor owns.</summary>
    protected IEnumerable<ContentProblem> ProblemsAt(params string[] wheres) =>
        Problems.Where(p => p.ClauseId is null && wheres.Contains(p.Where, StringComparer.Ordinal));

    /// <summary>The messages about one row (by clause identity), joined for a field's error text; null when there are none.</summary>
    protected string? ProblemOf(Guid clause) => Join(ProblemsOf(clause));

    /// <summary>The messages about a field without a row (matched by where the rules say it is).</summary>
    protected string? ProblemAt(string where) => Join(ProblemsAt(where));

    /// <summary>Optional text left blank is unknown (null), as the content stores it.</summary>
    protected static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    protected static List<T> Replaced<T>(IReadOnlyList<T> rows, int index, T row) => [.. RowEdits.Replace(rows, index, row)];

    /// <summary>The list with the row at <paramref name="index"/> moved one place up (-1) or down (+1); numbers are set by the caller.</summary>
    protected static List<T> Moved<T>(IReadOnlyList<T> rows, int index, int by) => [.. RowEdits.Move(rows, index, by, (r, _) => r)];

    protected static List<T> Removed<T>(IReadOnlyList<T> rows, int index) => [.. RowEdits.Remove(rows, index, (r, _) => r)];

    private static string? Join(IEnumerable<ContentProblem> problems)
    {
        var messages = problems.Select(p => p.Message).Distinct().ToList();
        return messages.Count == 0 ? null : string.Join(" ", messages);
    }
}

/// <summary>Row edits on an ordered list: each returns a new list numbered 1, 2, 3… in its new order, identities kept.</summary>
public static class RowEdits
{
    public static IReadOnlyList<T> Move<T>(IReadOnlyList<T> rows, int index, int by, Func<T, int, T> numbered)
    {
        var target = index + by;
        if (index < 0 || index >= rows.Count || target < 0 || target >= rows.Count) return rows;
        var list = rows.ToList();
        (list[index], list[target]) = (list[target], list[index]);
        return Renumber(list, numbered);
    }

    public static IReadOnlyList<T> Remove<T>(IReadOnlyList<T> rows, int index, Func<T, int, T> numbered) =>
        Renumber(rows.Where((_, i) => i != index), numbered);

    public static IReadOnlyList<T> Replace<T>(IReadOnlyList<T> rows, int index, T row) =>
        [.. rows.Select((r, i) => i == index ? row : r)];

    /// <summary>Appends <paramref name="row"/> (or puts it at <paramref name="at"/>) and renumbers.</summary>
    public static IReadOnlyList<T> Add<T>(IReadOnlyList<T> rows, T row, Func<T, int, T> numbered, int? at = null)
    {
        var list = rows.ToList();
        list.Insert(Math.Clamp(at ?? list.Count, 0, list.Count), row);
        return Renumber(list, numbered);
    }

    private static IReadOnlyList<T> Renumber<T>(IEnumerable<T> rows, Func<T, int, T> numbered) => [.. rows.Select((r, i) => numbered(r, i + 1))];
}
