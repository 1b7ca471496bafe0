using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;
using MudBlazor;
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

        // Persian text stays readable in the page source instead of becoming &#x...; codes.
        builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddPersianMudServices();
        return builder;
    }

    /// <summary>MudBlazor with its own texts (grid menus, pager, pickers) in Persian; bUnit tests register the same.</summary>
    public static IServiceCollection AddPersianMudServices(this IServiceCollection services)
    {
        services.AddMudServices();
        services.AddSingleton<MudLocalizer, PersianMudLocalizer>();
        return services;
    }
}
