using System.Globalization;
using MudBlazor.Services;

namespace SlaAdmin.Components;

public static class UiSetup
{
    /// <summary>Persian culture (its calendar is the Persian one) and MudBlazor.</summary>
    public static WebApplicationBuilder AddSlaUi(this WebApplicationBuilder builder)
    {
        var persian = CultureInfo.GetCultureInfo("fa-IR");
        CultureInfo.DefaultThreadCurrentCulture = persian;
        CultureInfo.DefaultThreadCurrentUICulture = persian;

        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        return builder;
    }
}
