using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Routing;
using MudBlazor;
using SlaAdmin.Data.Entities;
using SlaAdmin.Persian;

namespace SlaAdmin.Features.Catalogue;

/// <summary>
/// Creates a catalogue entry or edits one. The form is checked as it is typed (the service checks it
/// again on save); a save carries the stamp of the card the user opened, so a second editor's save
/// comes back as a conflict to resolve, never as a silent overwrite.
/// </summary>
public partial class ServiceEditPage
{
    [Parameter] public int? Id { get; set; }

    [CascadingParameter] private Task<AuthenticationState>? AuthenticationState { get; set; }

    [Inject] private ServiceEditor Editor { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;

    private ServiceForm form = new();
    // The card as it was opened (or last reloaded): what the user's changes are measured from.
    private ServiceForm original = new();
    private Guid stamp;
    private DateTimeOffset? retiredAt;
    private IReadOnlyList<OrganizationOption> organizations = [];
    private IReadOnlyList<FormError> errors = [];
    private readonly HashSet<string> touched = [];
    private ServiceConflict? conflict;
    private bool loading = true;
    private bool notFound;
    private bool saving;
    private bool showSummary;
    private string? message;
    private bool messageIsError;
    private int checkNumber;
    private List<BreadcrumbItem> breadcrumbs = [];

    private bool IsDirty => form != original;

    private string Heading => Id is null ? "خدمت تازه" : $"ویرایش «{original.Title}»";

    private string CancelHref => Id is { } id ? $"/services/{id}" : "/catalogue";

    private OrganizationOption? Provider => organizations.FirstOrDefault(o => o.Id == form.ProviderId);

    private string? NationalIdHelp => string.IsNullOrWhiteSpace(form.NationalId)
        ? $"{PersianDigits.Of(NationalServiceId.Length)} رقم، با رقم‌های فارسی یا لاتین"
        : null;

    protected override async Task OnParametersSetAsync()
    {
        // Loaded by the live circuit only: what is typed into a prerendered field is dropped when the circuit starts.
        if (!RendererInfo.IsInteractive) return;
        loading = true;
        organizations = await Editor.OrganizationsAsync();
        if (Id is { } id)
        {
            if (await Editor.LoadAsync(id) is { } loaded)
            {
                (form, stamp, retiredAt) = loaded;
                original = form;
            }
            else
            {
                notFound = true;
            }
        }
        loading = false;
        breadcrumbs =
        [
            new("فهرست خدمات", "/catalogue"),
            .. Id is { } serviceId && !notFound ? new[] { new BreadcrumbItem(original.Title, $"/services/{serviceId}") } : [],
            new(Id is null ? "خدمت تازه" : "ویرایش", null, disabled: true),
        ];
    }

    private void Change(ServiceForm next, string? field = null)
    {
        form = next;
        message = null;
        if (field is not null) touched.Add(field);
        // A field the user has just corrected loses its old message at once; the next check says whether it is right now.
        if (field is not null) errors = [.. errors.Where(e => e.Field != field)];
    }

    /// <summary>
    /// The identifier is read as it is typed (the understood value shows at once); whether another
    /// service has it is asked once typing pauses, and an answer overtaken by newer typing is dropped.
    /// </summary>
    private async Task NationalIdChanged(string? typed)
    {
        Change(form with { NationalId = typed }, nameof(ServiceForm.NationalId));
        NationalServiceId.Normalize(typed, out var error);
        if (error is not null)
        {
            errors = [.. errors, new FormError(nameof(ServiceForm.NationalId), error)];
            return;
        }
        var number = ++checkNumber;
        await Task.Delay(CheckDelay);
        if (number != checkNumber) return;
        var checkedForm = form;
        var found = await Editor.ValidateAsync(checkedForm, Id);
        if (number != checkNumber || checkedForm != form) return;
        errors = showSummary ? found : [.. found.Where(e => touched.Contains(e.Field))];
    }

    private static readonly TimeSpan CheckDelay = TimeSpan.FromMilliseconds(400);

    private void ProviderChanged(OrganizationOption? provider) => Change(form with { ProviderId = provider?.Id }, nameof(ServiceForm.ProviderId));

    private void TypeChanged(ServiceTypes flag, bool on)
    {
        var types = (form.Types ?? ServiceTypes.None) & ~flag;
        if (on) types |= flag;
        Change(form with { Types = types == ServiceTypes.None ? null : types });
    }

    private Task<IEnumerable<OrganizationOption>> SearchOrganizationsAsync(string? text, CancellationToken cancellationToken)
    {
        var term = PersianText.Fold(text);
        IEnumerable<OrganizationOption> found = term.Length == 0
            ? organizations
            : organizations.Where(o => PersianText.Fold(o.Name).Contains(term, StringComparison.Ordinal)
                || (o.ParentName is not null && PersianText.Fold(o.ParentName).Contains(term, StringComparison.Ordinal)));
        return Task.FromResult(found);
    }

    internal static string OrganizationText(OrganizationOption? organization) =>
        organization is null ? "" : organization.ParentName is null ? organization.Name : $"{organization.Name} — زیر: {organization.ParentName}";

    private string NameOf(int id) => organizations.FirstOrDefault(o => o.Id == id)?.Name ?? "";

    private async Task AddOrganizationAsync()
    {
        var parameters = new DialogParameters<OrganizationDialog> { { d => d.Organizations, organizations } };
        var dialog = await Dialogs.ShowAsync<OrganizationDialog>("سازمان تازه", parameters,
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true });
        if (await dialog.Result is { Canceled: false, Data: OrganizationOption created })
        {
            organizations = [.. organizations.Append(created).OrderBy(o => o.Name, StringComparer.Ordinal)];
            ProviderChanged(created);
        }
    }

    /// <summary>Saves once: a second click while the first save runs does nothing.</summary>
    internal async Task SaveAsync()
    {
        if (saving) return;
        saving = true;
        message = null;
        try
        {
            var user = await UserAsync();
            var outcome = Id is { } id
                ? await Editor.UpdateAsync(id, original, stamp, form, user)
                : await Editor.CreateAsync(form, user);
            if (outcome.Succeeded)
            {
                original = form;
                Navigation.NavigateTo($"/services/{outcome.ServiceId}", forceLoad: true); // the service page is static: only a full load reaches it
                return;
            }
            // The summary and the conflict panel say it in full; the one-line message would only repeat them.
            message = outcome.Errors is null && outcome.Conflict is null ? outcome.Message : null;
            messageIsError = true;
            conflict = outcome.Conflict;
            if (outcome.Errors is { } found)
            {
                errors = found;
                showSummary = true;
            }
        }
        finally
        {
            saving = false;
        }
    }

    /// <summary>Takes the card as the other person left it; this user's changes are dropped.</summary>
    private void ReloadTheirs()
    {
        if (conflict is not { } c) return;
        (form, original, stamp, conflict) = (c.Current, c.Current, c.CurrentStamp, null);
        message = "کارت کنونی بارگذاری شد؛ تغییرهای شما کنار رفت.";
        messageIsError = false;
    }

    /// <summary>Puts this user's changes on top of the current card; they review it and save again.</summary>
    private void ReapplyMine()
    {
        if (conflict is not { } c) return;
        form = form.ReapplyOnto(original, c.Current);
        (original, stamp, conflict) = (c.Current, c.CurrentStamp, null);
        message = "تغییرهای شما روی کارت کنونی نشست؛ بازبینی کنید و دوباره ذخیره کنید.";
        messageIsError = false;
    }

    private async Task RetireAsync()
    {
        if (Id is not { } id || saving) return;
        var confirmed = await Dialogs.ShowMessageBoxAsync(new MessageBoxOptions
        {
            Title = "بازنشسته کردن خدمت",
            Message = $"خدمت «{original.Title}» از فهرست خدمات فعال بیرون می‌رود؛ توافقنامه‌ها و سابقه آن می‌ماند و پاک نمی‌شود. ادامه می‌دهید؟",
            YesText = "بازنشسته شود",
            CancelText = "انصراف",
        });
        if (confirmed != true) return;
        saving = true;
        try
        {
            var outcome = await Editor.RetireAsync(id, stamp, await UserAsync());
            if (outcome.Succeeded)
            {
                original = form;
                Navigation.NavigateTo($"/services/{id}", forceLoad: true);
                return;
            }
            message = outcome.Message;
            messageIsError = true;
        }
        finally
        {
            saving = false;
        }
    }

    private async Task ConfirmLeavingAsync(LocationChangingContext context)
    {
        if (!IsDirty) return;
        var leave = await Dialogs.ShowMessageBoxAsync(new MessageBoxOptions
        {
            Title = "تغییرها ذخیره نشده است",
            Message = "اگر این صفحه را ترک کنید تغییرهای ذخیره‌نشده از دست می‌رود.",
            YesText = "ترک صفحه",
            CancelText = "ماندن",
        });
        if (leave != true) context.PreventNavigation();
    }

    private async Task<ClaimsPrincipal> UserAsync() =>
        AuthenticationState is null ? new ClaimsPrincipal() : (await AuthenticationState).User;

    private bool HasError(string field) => errors.Any(e => e.Field == field);

    private string? ErrorOf(string field) => errors.FirstOrDefault(e => e.Field == field)?.Message;

    private static string LabelOf(string field) => field switch
    {
        nameof(ServiceForm.Title) => "عنوان",
        nameof(ServiceForm.NationalId) => "شناسه ملی خدمت",
        nameof(ServiceForm.ProviderId) => "دستگاه ارائه‌دهنده",
        nameof(ServiceForm.WebAddress) => "نشانی وب خدمت",
        nameof(ServiceForm.ServiceDeskUrl) => "میز خدمت",
        _ => "فرم",
    };
}
