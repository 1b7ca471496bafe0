using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SlaAdmin.Data;

namespace SlaAdmin.Auth;

/// <summary>
/// Demands a role of the signed-in person as the database has it now, not as the cookie or the
/// Blazor circuit carried it in at sign-in: a person demoted, or signed out elsewhere, a second ago is
/// refused here even in a circuit that is still open. Call it first in every service method that
/// changes something or reveals what only some roles may see:
/// <code>await access.DemandAsync(Roles.Administrator);</code>
/// It throws <see cref="AccessDeniedException"/> (a Persian message a page can show) and returns
/// nothing otherwise. Scoped: in a circuit it reads the circuit's user; in a minimal-API endpoint pass
/// <c>HttpContext.User</c> to the overload that takes a principal.
/// </summary>
/// <remarks>
/// With local accounts it checks that the session's security stamp is still the user's (sign-out and
/// role changes renew it) and that the user holds one of the roles. With Microsoft Entra ID roles live
/// in Entra, not here, so the token's roles are all there is to check.
/// </remarks>
public sealed class AccessCheck(
    AuthenticationStateProvider authenticationState,
    IServiceScopeFactory scopes,
    SignInMode mode,
    IOptions<IdentityOptions> identityOptions)
{
    public const string SessionEnded = "نشست شما دیگر معتبر نیست (خروج یا تغییر نقش)؛ صفحه را دوباره بارگذاری کنید و وارد شوید.";

    /// <summary>Returns when the circuit's user holds <paramref name="role"/> or one of <paramref name="orRoles"/> now.</summary>
    public async Task DemandAsync(string role, params string[] orRoles)
    {
        var state = await authenticationState.GetAuthenticationStateAsync();
        await DemandAsync(state.User, role, orRoles);
    }

    /// <summary>Returns when <paramref name="user"/> holds <paramref name="role"/> or one of <paramref name="orRoles"/> now.</summary>
    public async Task DemandAsync(ClaimsPrincipal user, string role, params string[] orRoles)
    {
        ArgumentNullException.ThrowIfNull(user);
        string[] wanted = [role, .. orRoles];
        if (user.Identity?.IsAuthenticated != true) throw new AccessDeniedException(SessionEnded);

        if (mode.UsesEntra)
        {
            if (!wanted.Any(user.IsInRole)) throw AccessDeniedException.For(wanted);
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var stored = await StillValidAsync(users, user, identityOptions.Value) ?? throw new AccessDeniedException(SessionEnded);
        var current = await users.GetRolesAsync(stored);
        if (!wanted.Any(current.Contains)) throw AccessDeniedException.For(wanted);
    }

    /// <summary>Null when <paramref name="user"/> holds one of the roles now; otherwise the Persian reason, for services that report rather than throw.</summary>
    public async Task<string?> RefusalAsync(ClaimsPrincipal user, string role, params string[] orRoles)
    {
        try
        {
            await DemandAsync(user, role, orRoles);
            return null;
        }
        catch (AccessDeniedException denied)
        {
            return denied.Message;
        }
    }

    /// <summary>The stored user behind <paramref name="principal"/>, or null when it is gone or its security stamp has changed.</summary>
    internal static async Task<ApplicationUser?> StillValidAsync(UserManager<ApplicationUser> users, ClaimsPrincipal principal, IdentityOptions options)
    {
        if (await users.GetUserAsync(principal) is not { } stored) return null;
        if (!users.SupportsUserSecurityStamp) return stored;
        var stamp = principal.FindFirstValue(options.ClaimsIdentity.SecurityStampClaimType);
        return stamp == await users.GetSecurityStampAsync(stored) ? stored : null;
    }
}

/// <summary>Thrown by <see cref="AccessCheck"/>; its message is Persian and fit to show as it is.</summary>
public sealed class AccessDeniedException(string message) : UnauthorizedAccessException(message)
{
    internal static AccessDeniedException For(IReadOnlyList<string> roles) =>
        new($"این کار تنها از {string.Join(" یا ", roles.Select(r => $"«{Roles.Label(r)}»"))} برمی‌آید و نقش کنونی شما در سامانه چنین نیست.");
}
