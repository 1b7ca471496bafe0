using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using SlaAdmin.Auth;
using SlaAdmin.Data.Entities;
using SlaAdmin.Features.Agreements;
using SlaAdmin.Persian;
using SlaAdmin.Vocabulary;

namespace SlaAdmin.Features.Review;

public partial class ReviewPage
{
    [Parameter] public int Id { get; set; }

    [Inject] private AgreementStore Store { get; set; } = default!;
    [Inject] private ReviewComments Comments { get; set; } = default!;
    [Inject] private LegalReview Review { get; set; } = default!;
    [Inject] private AgreementLifecycle Lifecycle { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState>? AuthenticationState { get; set; }

    private AgreementView? view;
    private IReadOnlyList<Clause> clauses = [];
    private IReadOnlyList<CommentThread> threads = [];
    private List<BreadcrumbItem> breadcrumbs = [];
    private ClaimsPrincipal user = new();
    private readonly Dictionary<long, string?> replies = [];
    private bool loading = true, found, busy, succeeded;

    /// <summary>Actions wait for the live circuit: a click on the prerendered page would go nowhere.</summary>
    private bool Inert => busy || !RendererInfo.IsInteractive;
    private string? message;
    private Guid? composingOn;
    private string? newQuote, newText;
    private int revision;

    private bool IsAdministrator => user.IsInRole(Roles.Administrator);
    private bool IsReviewer => user.IsInRole(Roles.LegalReviewer);
    private bool CanComment => IsAdministrator || IsReviewer;

    protected override async Task OnParametersSetAsync()
    {
        user = AuthenticationState is null ? new ClaimsPrincipal() : (await AuthenticationState).User;
        await LoadAsync();
        loading = false;
    }

    private async Task LoadAsync()
    {
        var head = await Store.LoadAsync(Id);
        found = head is not null;
        view = head?.Working is { } working ? await Store.LoadAsync(Id, working.Number) : null;
        if (view is null) return;
        clauses = Clauses.Of(view.Content);
        threads = await Comments.ThreadsAsync(Id, view.Version.Number);
        breadcrumbs =
        [
            new("فهرست خدمات", "/catalogue"),
            new(view.CatalogueTitle, $"/services/{view.ServiceId}"),
            new("توافقنامه", $"/agreements/{Id}"),
            new("بررسی حقوقی", null, disabled: true),
        ];
        revision++;
    }

    /// <summary>«۳. مسئولیت», numbered as the agreement page numbers it.</summary>
    private string Heading(SectionKind kind) =>
        view!.Content.ClauseNumberOf(kind) is { } number ? $"{PersianDigits.Format(number)}. {Labels.Of(kind)}" : Labels.Of(kind);

    private IEnumerable<CommentThread> ThreadsOn(Guid clauseId) => threads.Where(t => t.ClauseId == clauseId && !t.ClauseGone);

    private string? Reply(long threadId) => replies.GetValueOrDefault(threadId);

    private void Compose(Guid? clauseId)
    {
        composingOn = clauseId;
        newQuote = newText = null;
    }

    private Task StartAsync(Guid clauseId) => RunAsync(async () =>
    {
        var (id, said) = await Comments.StartAsync(Id, view!.Version.Number, clauseId, newQuote, newText ?? "", user);
        if (id is not null) Compose(null);
        return (id is not null, said);
    });

    private Task ReplyAsync(long threadId) => RunAsync(async () =>
    {
        var outcome = await Comments.ReplyAsync(threadId, view!.Version.Number, Reply(threadId) ?? "", user);
        if (outcome.Succeeded) replies.Remove(threadId);
        return outcome;
    });

    private Task ResolveAsync(long threadId) => RunAsync(() => Comments.ResolveAsync(threadId, user));

    private Task ReopenAsync(long threadId) => RunAsync(() => Comments.ReopenAsync(threadId, user));

    private Task SubmitAsync() => RunAsync(async () => Said(await Review.SubmitAsync(Id, view!.Version.ConcurrencyStamp, user)));

    private Task PublishAsync() => RunAsync(async () => Said(await Lifecycle.PublishAsync(Id, view!.Version.ConcurrencyStamp, user)));

    private async Task SendBackAsync()
    {
        if (await AskReasonAsync("بازگرداندن به تهیه‌کننده", "چه باید تغییر کند؟ دلیل بازگرداندن برای تهیه‌کننده ثبت می‌شود.", "بازگرداندن") is not { } reason) return;
        await RunAsync(async () => Said(await Review.SendBackAsync(Id, view!.Version.ConcurrencyStamp, reason, user)));
    }

    /// <summary>Approves; with open threads the reviewer first says why approving anyway, which the service records.</summary>
    private async Task ApproveAsync()
    {
        string? reason = null;
        var open = threads.Count(t => t.IsOpen);
        if (open > 0)
        {
            reason = await AskReasonAsync("تأیید با نظرهای باز",
                $"{PersianDigits.Of(open)} رشته نظر هنوز باز است. چرا این نسخه با وجود آن‌ها تأیید می‌شود؟", "تأیید");
            if (reason is null) return;
        }
        await RunAsync(async () => Said(await Review.ApproveAsync(Id, view!.Version.ConcurrencyStamp, reason, user)));
    }

    private async Task<string?> AskReasonAsync(string title, string prompt, string confirm)
    {
        var parameters = new DialogParameters<ReasonDialog> { { d => d.Prompt, prompt }, { d => d.ConfirmText, confirm } };
        var dialog = await Dialogs.ShowAsync<ReasonDialog>(title, parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true });
        return await dialog.Result is { Canceled: false, Data: string reason } ? reason : null;
    }

    private static (bool, string) Said(LifecycleOutcome outcome) => (outcome.Succeeded, outcome.Message);

    /// <summary>Runs one action at a time, shows the service's words as they come, and reads the page again.</summary>
    private async Task RunAsync(Func<Task<(bool Succeeded, string Message)>> action)
    {
        if (busy) return;
        busy = true;
        try
        {
            (succeeded, message) = await action();
            await LoadAsync();
        }
        finally
        {
            busy = false;
        }
    }
}
