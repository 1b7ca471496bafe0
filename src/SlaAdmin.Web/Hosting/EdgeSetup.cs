using System.Net;
using Microsoft.AspNetCore.CookiePolicy;
using Microsoft.AspNetCore.HttpOverrides;
using SlaAdmin.Auth;

namespace SlaAdmin.Hosting;

/// <summary>
/// What the app answers at its edge: security headers (a Content-Security-Policy Blazor Server and
/// MudBlazor run under), no Server header, the client's address and scheme from a configured reverse
/// proxy, Secure cookies and HSTS outside Development.
/// </summary>
public static class EdgeSetup
{
    public const string KnownProxiesKey = "ReverseProxy:KnownProxies";
    public const string KnownNetworksKey = "ReverseProxy:KnownNetworks";

    public static WebApplicationBuilder AddSlaEdge(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);

        services.Configure<ForwardedHeadersOptions>(options =>
        {
            // Only the proxies named here (and loopback, the default) are believed; anyone else could
            // claim any address and slip past the per-address sign-in limit.
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in List(configuration, KnownProxiesKey)) options.KnownProxies.Add(IPAddress.Parse(proxy));
            foreach (var network in List(configuration, KnownNetworksKey)) options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        });

        // Behind a TLS-terminating proxy the request is https once the forwarded headers are applied,
        // so Always is safe there; Development runs on plain http.
        services.Configure<CookiePolicyOptions>(options =>
            options.Secure = builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always);
        services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
        services.AddExportConcurrency(configuration);

        var entraInstance = SignInMode.From(configuration).UsesEntra ? configuration[$"{SignInMode.EntraSection}:Instance"] : null;
        services.AddSecurityHeaderPolicies().SetDefaultPolicy(policy => policy
            .AddContentTypeOptionsNoSniff()
            .AddFrameOptionsDeny()
            .AddReferrerPolicySameOrigin()
            .AddPermissionsPolicy(p =>
            {
                p.AddCamera().None();
                p.AddMicrophone().None();
                p.AddGeolocation().None();
                p.AddPayment().None();
                p.AddUsb().None();
            })
            .AddContentSecurityPolicy(csp =>
            {
                csp.AddDefaultSrc().Self();
                // Blazor Server needs no eval (only WebAssembly needs 'wasm-unsafe-eval'); the one
                // inline script, the import map, carries the per-request nonce (App.razor).
                csp.AddScriptSrc().Self().WithNonce();
                // MudBlazor sets style attributes and writes <style> elements at run time.
                csp.AddStyleSrc().Self().UnsafeInline();
                csp.AddImgSrc().Self().From("data:");
                csp.AddFontSrc().Self();
                csp.AddConnectSrc().Self(); // the circuit's WebSocket is same-origin
                csp.AddObjectSrc().None();
                csp.AddBaseUri().Self();
                csp.AddFrameAncestors().None();
                // Sign-out with Entra posts here and is redirected to Entra's logout.
                var formAction = csp.AddFormAction().Self();
                if (Uri.TryCreate(entraInstance, UriKind.Absolute, out var entra)) formAction.From(entra.GetLeftPart(UriPartial.Authority));
            })
            .RemoveServerHeader());
        return builder;
    }

    /// <summary>Forwarded headers first (so everything after sees the client's address and https), then headers and cookie rules.</summary>
    public static WebApplication UseSlaEdge(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        app.UseCookiePolicy();
        return app;
    }

    /// <summary>A setting given as an array (<c>Key:0</c>, <c>Key:1</c>) or as one comma-separated value.</summary>
    private static IEnumerable<string> List(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(key);
        return section.GetChildren().Select(c => c.Value).Append(section.Value)
            .SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
