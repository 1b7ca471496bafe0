using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using SlaAdmin.Data;

namespace SlaAdmin.Auth;

public static class AccountEndpoints
{
    /// <summary>
    /// Sign-out for both modes and, with Entra on, the sign-in endpoint that replaces the local
    /// sign-in page (Microsoft.Identity.Web.UI, which would provide these, is not used).
    /// </summary>
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var mode = endpoints.ServiceProvider.GetRequiredService<SignInMode>();
        var account = endpoints.MapGroup("/Account");

        account.MapPost("/Logout", async Task<IResult> (HttpContext context, IAntiforgery antiforgery) =>
        {
            // Nothing binds the form here, so the token is checked by hand: no sign-out by a forged post.
            if (!await antiforgery.IsRequestValidAsync(context)) return TypedResults.BadRequest();

            if (!mode.UsesEntra)
            {
                // A new stamp ends this person's other sessions too, and makes a copy of this cookie
                // worthless: every request checks the stamp.
                var users = context.RequestServices.GetRequiredService<UserManager<ApplicationUser>>();
                if (await users.GetUserAsync(context.User) is { } user) await users.UpdateSecurityStampAsync(user);
            }

            string[] schemes = mode.UsesEntra
                ? [IdentityConstants.ApplicationScheme, OpenIdConnectDefaults.AuthenticationScheme]
                : [IdentityConstants.ApplicationScheme, IdentityConstants.ExternalScheme];
            var after = mode.UsesEntra ? "/Account/SignedOut" : "/";
            return TypedResults.SignOut(new AuthenticationProperties { RedirectUri = after }, schemes);
        });

        if (mode.UsesEntra)
        {
            // Ordered before the local sign-in page, which has the same route; POST too, so that no
            // local account left in the database can sign in while Entra is on.
            account.MapMethods("/Login", [HttpMethods.Get, HttpMethods.Post], (string? returnUrl) =>
                    TypedResults.Challenge(
                        new AuthenticationProperties { RedirectUri = LocalOrRoot(returnUrl) },
                        [OpenIdConnectDefaults.AuthenticationScheme]))
                .AllowAnonymous()
                .WithOrder(-1);
        }

        return endpoints;
    }

    /// <summary>
    /// <paramref name="url"/> when it stays on this site, "/" otherwise (no open redirects). Control
    /// characters and whitespace other than the plain space (common in a search) are refused too: browsers drop some, so «/\t/evil.example» would
    /// become «//evil.example». Non-ASCII characters come back percent-encoded.
    /// </summary>
    public static string LocalOrRoot(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal)
            && !url.StartsWith("/\\", StringComparison.Ordinal) && !url.Any(c => char.IsControl(c) || (char.IsWhiteSpace(c) && c != ' '))
            ? Escaped(url)
            : "/";

    // A return address arrives decoded («/catalogue?q=گواهی»); a Location header and NavigationManager
    // need it percent-encoded, or the redirect fails with a 500. Resolving against a placeholder origin
    // encodes it and cannot leave this site, since the address already starts with a single «/».
    private static readonly Uri Placeholder = new("http://local.invalid");

    private static string Escaped(string url)
    {
        var resolved = new Uri(Placeholder, url);
        return resolved.PathAndQuery + resolved.Fragment;
    }
}
