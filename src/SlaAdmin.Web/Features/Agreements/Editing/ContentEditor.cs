using Microsoft.AspNetCore.Components;
using SlaAdmin.Data.Entities;

namespace SlaAdmin.Features.Agreements.Editing;

/// <summary>
/// What the section editors share: they take the version's content, hand back a new value on every
/// change (never mutating the one they were given) and show the rules' problems beside the rows.
/// </summary>
public abstract class ContentEditor : ComponentBase
{
    [Parameter, EditorRequired] public AgreementContent Content { get; set; } = null!;
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

    /// <summary>Optional text left blank is unknown (null), as the content stores it.</summary>
    protected static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    /// <summary>The list with the row at <paramref name="index"/> replaced.</summary>
    protected static List<T> Replaced<T>(IReadOnlyList<T> rows, int index, T row)
    {
        var list = rows.ToList();
        list[index] = row;
        return list;
    }

    /// <summary>The list with the row at <paramref name="index"/> moved one place up (-1) or down (+1).</summary>
    protected static List<T> Moved<T>(IReadOnlyList<T> rows, int index, int by)
    {
        var list = rows.ToList();
        var to = index + by;
        if (to < 0 || to >= list.Count) return list;
        (list[index], list[to]) = (list[to], list[index]);
        return list;
    }

    protected static List<T> Removed<T>(IReadOnlyList<T> rows, int index)
    {
        var list = rows.ToList();
        list.RemoveAt(index);
        return list;
    }
}
