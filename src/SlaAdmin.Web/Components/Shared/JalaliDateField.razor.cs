using System.Globalization;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using SlaAdmin.Persian;

namespace SlaAdmin.Components.Shared;

/// <summary>
/// A Jalali date typed as people type it («۱۰/۶/۹۳», «1400-12-29», see <see cref="JalaliInput"/>) or picked
/// from a Persian calendar. What was understood shows under the field before anything is saved; a date
/// that does not exist shows the Persian reason and leaves <see cref="Value"/> as it was.
/// </summary>
public partial class JalaliDateField
{
    private static readonly CultureInfo Persian = CultureInfo.GetCultureInfo("fa-IR");

    private string? _text;
    private string? _understood;
    private string? _error;
    private bool _pickerOpen;
    private DateOnly? _shown;

    [Parameter]
    public DateOnly? Value { get; set; }

    [Parameter]
    public EventCallback<DateOnly?> ValueChanged { get; set; }

    [Parameter]
    public string? Label { get; set; }

    /// <summary>Shown under the field until a date is understood.</summary>
    [Parameter]
    public string HelperText { get; set; } = "مانند ۱۴۰۳/۰۶/۱۰ یا ۱۰/۶/۹۳";

    [Parameter]
    public bool Disabled { get; set; }

    [Parameter]
    public Variant Variant { get; set; } = Variant.Text;

    /// <summary>Other attributes (data-testid, …) go onto the text input.</summary>
    [Parameter(CaptureUnmatchedValues = true)]
    public IReadOnlyDictionary<string, object>? Attributes { get; set; }

    private string Helper => _understood is null ? HelperText : $"فهمیده شد: {_understood}";

    // MudBlazor's inputs read their attributes at start and need a dictionary even when there are none.
    private Dictionary<string, object?> InputAttributes =>
        Attributes is null ? [] : Attributes.ToDictionary(a => a.Key, a => (object?)a.Value);

    private DateTime? PickerDate => Value?.ToDateTime(TimeOnly.MinValue);

    protected override void OnParametersSet()
    {
        // A value set from outside (a loaded record, a reset) replaces what was typed; our own value coming
        // back through the binding keeps the user's text and the «understood» line.
        if (Value == _shown) return;
        _shown = Value;
        _text = Jalali.FormatPersian(Value);
        _understood = null;
        _error = null;
    }

    private async Task OnTextChangedAsync(string? text)
    {
        _text = text;
        if (string.IsNullOrWhiteSpace(text))
        {
            _understood = _error = null;
            await SetValueAsync(null);
        }
        else if (JalaliInput.TryParse(text, out var date, out _understood, out _error))
        {
            await SetValueAsync(date);
        }
    }

    private async Task OnPickedAsync(DateTime? picked)
    {
        _pickerOpen = false;
        if (picked is not { } day) return;
        var date = DateOnly.FromDateTime(day);
        _text = _understood = Jalali.FormatPersian(date);
        _error = null;
        await SetValueAsync(date);
    }

    private async Task SetValueAsync(DateOnly? value)
    {
        _shown = value;
        Value = value;
        await ValueChanged.InvokeAsync(value);
    }

    private void TogglePicker() => _pickerOpen = !_pickerOpen;

    private void ClosePicker() => _pickerOpen = false;
}
