using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SlaAdmin.Auth;

namespace SlaAdmin.Tests.Auth;

public sealed class SignInSwitchTests
{
    private static readonly Dictionary<string, string?> Entra = new()
    {
        ["AzureAd:Instance"] = "https://login.microsoftonline.com/",
        ["AzureAd:TenantId"] = "11111111-2222-3333-4444-555555555555",
        ["AzureAd:ClientId"] = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee",
        ["AzureAd:CallbackPath"] = "/signin-oidc",
    };

    private static async Task<List<string>> SchemeNamesAsync(AuthHost host) =>
        (await host.Services.GetRequiredService<IAuthenticationSchemeProvider>().GetAllSchemesAsync()).Select(s => s.Name).ToList();

    [Fact]
    public async Task Without_an_azure_ad_client_id_local_identity_cookies_are_used()
    {
        await using var host = AuthHost.Configure();

        var schemes = await SchemeNamesAsync(host);

        Assert.False(host.Services.GetRequiredService<SignInMode>().UsesEntra);
        Assert.Contains(IdentityConstants.ApplicationScheme, schemes);
        Assert.Contains(IdentityConstants.ExternalScheme, schemes);
        Assert.DoesNotContain(OpenIdConnectDefaults.AuthenticationScheme, schemes);
    }

    [Fact]
    public async Task An_azure_ad_section_without_a_client_id_still_means_local_accounts()
    {
        await using var host = AuthHost.Configure(new Dictionary<string, string?> { ["AzureAd:TenantId"] = "x", ["AzureAd:ClientId"] = " " });

        Assert.DoesNotContain(OpenIdConnectDefaults.AuthenticationScheme, await SchemeNamesAsync(host));
    }

    [Fact]
    public async Task With_an_azure_ad_client_id_open_id_connect_is_used_and_the_local_form_is_not()
    {
        await using var host = AuthHost.Configure(Entra);

        var schemes = await SchemeNamesAsync(host);
        var oidc = host.Services.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(OpenIdConnectDefaults.AuthenticationScheme);
        var defaults = host.Services.GetRequiredService<IOptions<AuthenticationOptions>>().Value;

        Assert.True(host.Services.GetRequiredService<SignInMode>().UsesEntra);
        Assert.Contains(OpenIdConnectDefaults.AuthenticationScheme, schemes);
        Assert.Contains(IdentityConstants.ApplicationScheme, schemes);
        Assert.DoesNotContain(IdentityConstants.ExternalScheme, schemes);
        Assert.Equal("aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee", oidc.ClientId);
        Assert.Equal("https://login.microsoftonline.com/11111111-2222-3333-4444-555555555555/v2.0", oidc.Authority);
        Assert.Equal(IdentityConstants.ApplicationScheme, oidc.SignInScheme);
        Assert.Equal("preferred_username", oidc.TokenValidationParameters.NameClaimType); // the name the app bar shows
        Assert.Equal(IdentityConstants.ApplicationScheme, defaults.DefaultChallengeScheme);
        Assert.Equal(IdentityConstants.ApplicationScheme, defaults.DefaultScheme);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Either_way_the_cookie_sends_strangers_to_the_sign_in_page_and_the_refused_to_access_denied(bool entra)
    {
        await using var host = AuthHost.Configure(entra ? Entra : null);

        var cookie = host.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);

        Assert.Equal("/Account/Login", cookie.LoginPath);
        Assert.Equal("/Account/Logout", cookie.LogoutPath);
        Assert.Equal("/Account/AccessDenied", cookie.AccessDeniedPath);
    }

    [Fact]
    public async Task Entra_token_validation_turns_app_roles_into_role_claims()
    {
        await using var host = AuthHost.Configure(Entra);
        var options = host.Services.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(OpenIdConnectDefaults.AuthenticationScheme);
        var scheme = await host.Services.GetRequiredService<IAuthenticationSchemeProvider>().GetSchemeAsync(OpenIdConnectDefaults.AuthenticationScheme);
        var fromToken = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim("name", "Sara Ahmadi"), new Claim("roles", "Administrator"), new Claim("roles", "Owner")],
            "AuthenticationTypes.Federation", "name", "roles"));
        var context = new Microsoft.AspNetCore.Authentication.OpenIdConnect.TokenValidatedContext(
            new DefaultHttpContext { RequestServices = host.Services }, scheme!, options, fromToken, new AuthenticationProperties())
        {
            ProtocolMessage = new Microsoft.IdentityModel.Protocols.OpenIdConnect.OpenIdConnectMessage(),
        };

        await options.Events.TokenValidated(context);

        Assert.True(context.Principal!.IsInRole(Roles.Administrator));
        Assert.False(context.Principal.IsInRole("Owner"));
        Assert.Equal("Sara Ahmadi", context.Principal.Identity!.Name);
    }

    [Fact]
    public async Task Local_accounts_lock_after_five_failures_for_fifteen_minutes()
    {
        await using var host = AuthHost.Configure();

        var lockout = host.Services.GetRequiredService<IOptions<IdentityOptions>>().Value.Lockout;

        Assert.True(lockout.AllowedForNewUsers);
        Assert.Equal(5, lockout.MaxFailedAccessAttempts);
        Assert.Equal(TimeSpan.FromMinutes(15), lockout.DefaultLockoutTimeSpan);
    }
}
