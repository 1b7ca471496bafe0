using Bunit;
using MudBlazor;
using SlaAdmin.Data.Entities;
using SlaAdmin.Features.Agreements;
using SlaAdmin.Features.Agreements.Editing;
using SlaAdmin.Tests.TestSupport;

namespace SlaAdmin.Tests.Features.Agreements.Editing;

/// <summary>
/// Renders a section editor and records every value it hands to ContentChanged. The editor builds
/// each edit on its last one, so the test need not hand the value back as the page does.
/// </summary>
public abstract class EditorTestContext<TEditor> : PageTestContext where TEditor : ContentEditor
{
    protected List<AgreementContent> Changes { get; } = [];

    protected AgreementContent Last => Changes[^1];

    protected IRenderedComponent<TEditor> Editor { get; private set; } = null!;

    protected IRenderedComponent<TEditor> RenderEditor(AgreementContent content, IReadOnlyList<ContentProblem>? problems = null, bool readOnly = false)
    {
        Editor = RenderPage<TEditor>(p => p
            .Add(x => x.Content, content)
            .Add(x => x.Problems, problems ?? [])
            .Add(x => x.ReadOnly, readOnly)
            .Add(x => x.ContentChanged, changed => Changes.Add(changed)));
        return Editor;
    }

    /// <summary>Types into a text field (by its data-testid) and leaves it, as a user does.</summary>
    protected static void Type(IRenderedComponent<TEditor> editor, string testId, string text, int index = 0)
    {
        var input = editor.FindAll($"input[data-testid={testId}], textarea[data-testid={testId}]")[index];
        input.Change(text);
    }

    /// <summary>Picks an option in a MudBlazor dropdown (by its data-testid), through the dropdown itself.</summary>
    protected static async Task ChooseAsync<T>(IRenderedComponent<TEditor> editor, string testId, T value, int index = 0)
    {
        var select = editor.FindComponents<MudSelect<T>>().Where(s => Equals(s.Instance.UserAttributes.GetValueOrDefault("data-testid"), testId)).ElementAt(index);
        await select.InvokeAsync(() => select.Instance.SelectOption(value));
    }

    protected static string ValueOf(IRenderedComponent<TEditor> editor, string testId, int index = 0) =>
        editor.FindAll($"input[data-testid={testId}], textarea[data-testid={testId}]")[index].GetAttribute("value") ?? "";
}
