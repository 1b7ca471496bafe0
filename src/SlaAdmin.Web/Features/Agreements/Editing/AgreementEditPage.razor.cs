using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.JSInterop;
using MudBlazor;
using SlaAdmin.Data.Entities;
using SlaAdmin.Features.Review;
using SlaAdmin.Persian;
using SlaAdmin.Vocabulary;

namespace SlaAdmin.Features.Agreements.Editing;

/// <summary>
/// Edits the working version of one agreement. It keeps the content as loaded (<see cref="original"/>)
/// and the stamp it was loaded under, so a save over someone else's save is refused and shows their
/// changes; the version in force is untouched until the working version is published.
/// </summary>
public partial class AgreementEditPage
{
    [Parameter] public int Id { get; set; }

    [Inject] private AgreementEditor Editor { get; set; } = null!;
    [Inject] private AgreementLifecycle Lifecycle { get; set; } = null!;
    [Inject] private LegalReview Review { get; set; } = null!;
    [Inject] private AgreementStore Store { get; set; } = null!;
    [Inject] private AuthenticationStateProvider Authentication { get; set; } = null!;
    [Inject] private IDialogService Dialogs { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;
    [Inject] private IJSRuntime JS { get; set; } = null!;

    private bool loading = true;
    private bool notFound;
    private WorkingDraft? draft;
    private AgreementContent original = new();
    private AgreementContent content = new();
    private Guid stamp;
    private IReadOnlyList<ContentProblem> liveProblems = [];
    private IReadOnlyList<ContentProblem> serverProblems = [];
    private DraftConflict? conflict;
    private string? message;
    private Severity messageSeverity = Severity.Info;
    private bool busy;
    private bool leaving;

    private bool ReadOnly => draft?.Status == AgreementStatus.InReview;

    private bool Dirty => draft is not null && !content.Normalized().Equals(original);

    /// <summary>What the page shows as wrong: the rules applied live, and what the server said on the last save until the next edit.</summary>
    private IReadOnlyList<ContentProblem> Problems => [.. liveProblems.Concat(serverProblems).Distinct()];

    private bool CanDiscard => draft is { Status: AgreementStatus.Draft, InForceNumber: not null };

    protected override async Task OnParametersSetAsync()
    {
        // Loaded once, by the live circuit: prerendered fields would take typing that the circuit then drops,
        // and the working version (the page's heaviest read) would be read twice.
        if (RendererInfo.IsInteractive) await LoadAsync();
    }

    private async Task LoadAsync()
    {
        loading = true;
        draft = await Editor.LoadWorkingAsync(Id);
        if (draft is null)
        {
            notFound = await Store.LoadAsync(Id) is null;
        }
        else
        {
            Take(draft.Content, draft.Stamp);
        }
        loading = false;
    }

    private void Take(AgreementContent loaded, Guid loadedStamp)
    {
        original = loaded;
        content = loaded;
        stamp = loadedStamp;
        serverProblems = [];
        liveProblems = AgreementRules.Validate(content.Normalized());
    }

    private void OnContentChanged(AgreementContent next)
    {
        content = next;
        serverProblems = [];
        liveProblems = AgreementRules.Validate(content.Normalized());
    }

    private async Task<ClaimsPrincipal> UserAsync() => (await Authentication.GetAuthenticationStateAsync()).User;

    private void Say(string text, Severity severity)
    {
        message = text;
        messageSeverity = severity;
    }

    private Task StartDraftAsync() => StepAsync(user => Lifecycle.StartDraftAsync(Id, user), LoadAsync);

    /// <summary>One lifecycle step: once at a time, its outcome said, and what follows a success.</summary>
    private async Task StepAsync(Func<ClaimsPrincipal, Task<LifecycleOutcome>> step, Func<Task> then)
    {
        if (busy) return;
        busy = true;
        try
        {
            var outcome = await step(await UserAsync());
            Say(outcome.Message, outcome.Succeeded ? Severity.Success : Severity.Error);
            if (outcome.Succeeded) await then();
        }
        finally
        {
            busy = false;
        }
    }

    private async Task SaveAsync()
    {
        // Set before the first await: a second click while this one is saving finds the page busy.
        if (busy || draft is null) return;
        busy = true;
        try
        {
            var outcome = await Editor.SaveAsync(Id, original, stamp, content, await UserAsync());
            if (outcome.Succeeded)
            {
                conflict = null;
                await LoadAsync();
                Say(outcome.Message, Severity.Success);
                return;
            }
            conflict = outcome.Conflict;
            serverProblems = outcome.Problems ?? [];
            Say(outcome.Message, Severity.Error);
        }
        finally
        {
            busy = false;
        }
    }

    private void ReloadTheirs()
    {
        if (conflict is null) return;
        Take(conflict.Current, conflict.CurrentStamp);
        conflict = null;
        Say("نسخه تازه بارگذاری شد؛ تغییرهای ذخیره‌نشده شما کنار رفت.", Severity.Info);
    }

    private void ReapplyMine()
    {
        if (conflict is null) return;
        var merged = content.ReapplyOnto(original, conflict.Current);
        Take(conflict.Current, conflict.CurrentStamp);
        OnContentChanged(merged);
        conflict = null;
        Say("تغییرهای شما روی نسخه تازه دوباره اعمال شد؛ آن را بازبینی و سپس ذخیره کنید.", Severity.Info);
    }

    private async Task PublishAsync()
    {
        if (busy || draft is null || Dirty) return;
        var replaces = draft.InForceNumber is { } n ? $" و نسخه {PersianDigits.Format(n)} جایگزین می‌شود." : ".";
        if (!await ConfirmAsync("انتشار نسخه", $"نسخه {PersianDigits.Format(draft.Number)} منتشر و در حال اجرا می‌شود{replaces}", "انتشار")) return;
        await StepAsync(user => Lifecycle.PublishAsync(Id, stamp, user), Leave);
    }

    private async Task SubmitAsync()
    {
        if (busy || draft is null || Dirty) return;
        if (!await ConfirmAsync("ارسال برای بررسی حقوقی",
                $"نسخه {PersianDigits.Format(draft.Number)} برای بررسی حقوقی فرستاده می‌شود و تا کارشناس حقوقی آن را تأیید یا بازگردانی نکند ویرایش نمی‌شود.", "ارسال")) return;
        // The page stays, now read-only with the version in review, and says so at its top.
        await StepAsync(user => Review.SubmitAsync(Id, stamp, user), async () =>
        {
            await LoadAsync();
            await JS.InvokeVoidAsync("scrollTo", 0, 0);
        });
    }

    private async Task DiscardAsync()
    {
        if (busy || draft is null) return;
        if (!await ConfirmAsync("کنار گذاشتن پیش‌نویس",
                $"پیش‌نویس نسخه {PersianDigits.Format(draft.Number)} و همه تغییرهای آن پاک می‌شود؛ نسخه در حال اجرا همان می‌ماند.", "کنار گذاشتن")) return;
        await StepAsync(user => Lifecycle.DiscardDraftAsync(Id, stamp, user), Leave);
    }

    private Task Leave()
    {
        leaving = true;
        Navigation.NavigateTo($"/agreements/{Id}", forceLoad: true); // the agreement page is static: only a full load reaches it
        return Task.CompletedTask;
    }

    private IEnumerable<SectionKind> MissingKinds => Enum.GetValues<SectionKind>().Where(k => !content.Has(k));

    private void AddSection(SectionKind kind) =>
        OnContentChanged(content with { Sections = [.. content.Sections.Append(new SectionLine(Guid.NewGuid(), kind, "")).OrderBy(s => s.Kind)] });

    private async Task RemoveSectionAsync(SectionKind kind)
    {
        var rows = RowsOf(kind);
        var detail = rows > 0 ? $" و {PersianDigits.Format(rows)} ردیف آن" : "";
        if (!await ConfirmAsync("برداشتن بخش", $"بخش «{Labels.Of(kind)}»{detail} از این پیش‌نویس برداشته می‌شود و شماره بخش‌های بعدی یکی کم می‌شود.", "برداشتن")) return;
        OnContentChanged(Without(content, kind));
    }

    private int RowsOf(SectionKind kind) => kind switch
    {
        SectionKind.Responsibility => content.LegalReferences.Count,
        SectionKind.Definitions => content.Definitions.Count,
        SectionKind.Obligations => content.Obligations.Count,
        SectionKind.Data => content.DataRows.Count,
        SectionKind.Costs => content.Fees.Count + content.Payments.Count,
        SectionKind.Appendix => content.AppendixItems.Count,
        _ => 0,
    };

    /// <summary>The content without a section and the rows that only that section shows (the rules refuse rows without their section).</summary>
    internal static AgreementContent Without(AgreementContent c, SectionKind kind)
    {
        var next = c with { Sections = [.. c.Sections.Where(s => s.Kind != kind)] };
        return kind switch
        {
            SectionKind.Responsibility => next with { LegalReferences = [] },
            SectionKind.Definitions => next with { Definitions = [] },
            SectionKind.Obligations => next with { Obligations = [] },
            SectionKind.Data => next with { DataRows = [] },
            SectionKind.Costs => next with { Fees = [], Payments = [] },
            SectionKind.Appendix => next with { AppendixItems = [] },
            _ => next,
        };
    }

    private string Heading(SectionKind kind) =>
        content.ClauseNumberOf(kind) is { } number ? $"{PersianDigits.Format(number)}. {Labels.Of(kind)}" : Labels.Of(kind);

    private static string When(DateTimeOffset at)
    {
        var tehran = TehranTime.InTehran(at);
        return $"{Jalali.FormatPersian(DateOnly.FromDateTime(tehran))} ساعت {PersianDigits.ToPersian(tehran.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture))}";
    }

    private async Task OnBeforeInternalNavigationAsync(LocationChangingContext context)
    {
        if (leaving || !Dirty) return;
        if (!await ConfirmAsync("تغییرهای ذخیره‌نشده", "تغییرهایی که ذخیره نکرده‌اید از دست می‌رود. بی ذخیره از این صفحه می‌روید؟", "رفتن بی ذخیره"))
        {
            context.PreventNavigation();
        }
    }

    private async Task<bool> ConfirmAsync(string title, string text, string yes) =>
        await Dialogs.ShowMessageBoxAsync(title, text, yesText: yes, cancelText: "انصراف") == true;
}
