using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor;
using SlaAdmin.Auth;
using SlaAdmin.Data;
using SlaAdmin.Data.Entities;
using SlaAdmin.Features.Agreements;
using SlaAdmin.Features.Agreements.Editing;
using SlaAdmin.Tests.TestSupport;

namespace SlaAdmin.Tests.Features.Agreements.Editing;

/// <summary>
/// The page base plus what editing needs: the editor and lifecycle services, a role check that reads the
/// principal's roles (as under Entra sign-in), an administrator signed in, and a database gate a test can
/// close to hold a save in flight.
/// </summary>
public abstract class EditingTestContext : PageTestContext
{
    protected DatabaseGate Gate { get; }

    protected EditingTestContext()
    {
        Gate = new DatabaseGate(NewDbContext);
        Services.AddSingleton<IDbContextFactory<SlaDbContext>>(Gate);
        Authorization.SetRoles(Roles.Administrator);
    }

    protected static ClaimsPrincipal Administrator(string name = "همکار دیگر") =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, Roles.Administrator)], "test"));

    protected AgreementEditor Editor => Services.GetRequiredService<AgreementEditor>();

    /// <summary>Seeds, starts a draft of the agreement of <paramref name="serviceTitle"/> and returns the agreement's id.</summary>
    protected async Task<int> DraftOfAsync(string serviceTitle)
    {
        await SeedAsync();
        var id = AgreementId(serviceTitle);
        var started = await Services.GetRequiredService<AgreementLifecycle>().StartDraftAsync(id, Administrator());
        Assert.True(started.Succeeded, started.Message);
        return id;
    }

    /// <summary>The edit page, loaded, with a dialog provider beside it for its confirmations.</summary>
    protected IRenderedComponent<AgreementEditPage> OpenEditor(int agreementId)
    {
        var page = RenderPage<AgreementEditPage>(p => p.Add(x => x.Id, agreementId));
        Dialogs ??= Render<MudDialogProvider>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=edit-toolbar], [data-testid=no-working-version]")));
        return page;
    }

    protected IRenderedComponent<MudDialogProvider>? Dialogs { get; private set; }

    /// <summary>Presses the confirming button of the open message box.</summary>
    protected void Confirm(string yes)
    {
        var dialogs = Dialogs!;
        dialogs.WaitForAssertion(() => Assert.NotEmpty(dialogs.FindAll("button")));
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == yes).Click();
    }

    /// <summary>A content with a row in every list an editor of this folder edits, for the editors' own tests.</summary>
    protected static AgreementContent Sample()
    {
        var template = StandardClauses.Template("خدمت آزمون", "سازمان آزمون", "شهروندان");
        return (template with
        {
            Sections = [.. template.Sections, new SectionLine(Guid.NewGuid(), SectionKind.Definitions, ""), new SectionLine(Guid.NewGuid(), SectionKind.Appendix, "")],
            LegalReferences =
            [
                new(Guid.NewGuid(), 1, "قانون ارتقای سلامت اداری", "ماده ۲۱", "مجلس شورای اسلامی", null, new DateOnly(2011, 9, 30), null),
                new(Guid.NewGuid(), 2, "مصوبه شورای عالی فضای مجازی", null, null, "1", null, null),
                new(Guid.NewGuid(), 3, "نامه وزیر", null, null, "1/142568", null, null),
            ],
            Definitions = [new(Guid.NewGuid(), 1, "سازمان", "ارائه‌دهنده خدمت"), new(Guid.NewGuid(), 2, "متقاضی", "گیرنده خدمت"), new(Guid.NewGuid(), 3, "دوره", "یک سال")],
            AppendixItems = [new(Guid.NewGuid(), 1, "خدمت یکم"), new(Guid.NewGuid(), 2, "خدمت دوم"), new(Guid.NewGuid(), 3, "خدمت سوم")],
        }).Normalized();
    }

    /// <summary>An editor bound as the page binds it: every change replaces the content and the live problems, and the editor renders again.</summary>
    protected sealed class Bound<TEditor>(IRenderedComponent<TEditor> editor, Func<AgreementContent> current) where TEditor : ContentEditor
    {
        public IRenderedComponent<TEditor> Editor { get; } = editor;
        public AgreementContent Content => current();
    }

    protected Bound<TEditor> RenderEditor<TEditor>(AgreementContent content, Action<ComponentParameterCollectionBuilder<TEditor>>? more = null)
        where TEditor : ContentEditor
    {
        var current = content;
        IRenderedComponent<TEditor>? editor = null;
        void Parameters(ComponentParameterCollectionBuilder<TEditor> p)
        {
            p.Add(x => x.Content, current);
            p.Add(x => x.Problems, AgreementRules.Validate(current.Normalized()));
            p.Add(x => x.ContentChanged, async (AgreementContent next) =>
            {
                current = next;
                var rendered = editor!;
                await rendered.InvokeAsync(() => rendered.Render(Parameters));
            });
            more?.Invoke(p);
        }
        editor = RenderPage<TEditor>(Parameters);
        return new Bound<TEditor>(editor, () => current);
    }
}

/// <summary>The test database as the services see it, with a gate: while closed, opening a context waits.</summary>
public sealed class DatabaseGate(Func<SlaDbContext> open) : IDbContextFactory<SlaDbContext>
{
    private TaskCompletionSource opened = Opened();

    public void Close() => opened = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Open() => opened.TrySetResult();

    public SlaDbContext CreateDbContext() => open();

    public async Task<SlaDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default)
    {
        await opened.Task.WaitAsync(cancellationToken);
        return open();
    }

    private static TaskCompletionSource Opened()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        done.SetResult();
        return done;
    }
}
