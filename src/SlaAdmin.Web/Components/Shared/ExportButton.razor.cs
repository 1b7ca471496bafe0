using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;
using SlaAdmin.Persian;

namespace SlaAdmin.Components.Shared;

/// <summary>
/// Downloads a (large) export without leaving the page: the browser fetches <see cref="Url"/>,
/// the button shows how much has arrived, then the file is saved under the server's Persian name.
/// Errors the server answers with come back as a Persian snackbar.
/// </summary>
public partial class ExportButton
{
    private readonly CancellationTokenSource _disposed = new();
    private IJSObjectReference? _module;
    private DotNetObjectReference<ExportButton>? _self;
    private bool _running;
    private long _bytes;

    /// <summary>The export's address, e.g. a <c>/export/…xlsx</c> link.</summary>
    [Parameter, EditorRequired]
    public string Url { get; set; } = "";

    [Parameter]
    public string Text { get; set; } = "دریافت فایل اکسل";

    /// <summary>The name to save under when the server names none.</summary>
    [Parameter]
    public string FallbackFileName { get; set; } = "export.xlsx";

    [Parameter]
    public Variant Variant { get; set; } = Variant.Outlined;

    [Parameter]
    public Color Color { get; set; } = Color.Primary;

    /// <summary>Other attributes (data-testid, class) go onto the button.</summary>
    [Parameter(CaptureUnmatchedValues = true)]
    public IReadOnlyDictionary<string, object>? Attributes { get; set; }

    /// <summary>Called from download.js as bytes arrive.</summary>
    [JSInvokable]
    public void Progress(long bytes)
    {
        _bytes = bytes;
        StateHasChanged();
    }

    private async Task DownloadAsync()
    {
        if (_running) return;
        _running = true;
        _bytes = 0;
        try
        {
            _module ??= await JS.InvokeAsync<IJSObjectReference>("import", _disposed.Token, "./js/download.js");
            _self ??= DotNetObjectReference.Create(this);
            // No interop time limit: a large export may take longer than the default minute to arrive.
            var result = await _module.InvokeAsync<DownloadResult>("download", _disposed.Token, Url, FallbackFileName, _self);
            if (!result.Ok) Snackbar.Add(ErrorMessage(result.Status, result.Message), Severity.Error);
        }
        catch (JSException)
        {
            Snackbar.Add(ErrorMessage(0, null), Severity.Error);
        }
        catch (OperationCanceledException) when (_disposed.IsCancellationRequested)
        {
            // The page was left while the file was on its way.
        }
        finally
        {
            _running = false;
        }
    }

    internal static string ErrorMessage(int status, string? serverMessage) => status switch
    {
        0 => "ارتباط با سرور برقرار نشد یا دریافت فایل نیمه‌کاره ماند؛ دوباره تلاش کنید.",
        // The server's own Persian words: a bad request, an agreement over the limits, too many exports at once.
        400 or 422 or 429 or 503 when !string.IsNullOrWhiteSpace(serverMessage) => serverMessage,
        400 => "درخواست فایل درست نیست.",
        401 => "نشست شما به پایان رسیده است؛ دوباره وارد شوید.",
        403 => "اجازهٔ دریافت این فایل را ندارید.",
        404 => "این فایل پیدا نشد.",
        _ => $"تهیهٔ فایل با خطا روبه‌رو شد (کد {PersianDigits.ToPersian(status.ToString(System.Globalization.CultureInfo.InvariantCulture))}).",
    };

    public async ValueTask DisposeAsync()
    {
        await _disposed.CancelAsync();
        _self?.Dispose();
        if (_module is not null)
        {
            try
            {
                await _module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone; so is the module.
            }
        }
        _disposed.Dispose();
        GC.SuppressFinalize(this);
    }

    internal sealed record DownloadResult(bool Ok, int Status, string? Message);
}
