using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using SlaAdmin.Data;
using SlaAdmin.Persian;

namespace SlaAdmin.Auth;

/// <summary>
/// Signs a person in with a local account's password so that an unknown name, a wrong password and a
/// locked account look alike from outside: the same answer (false) after the same work (one password
/// hash). A locked account still opens to its right password in a browser where that person has
/// signed in before (a «known device» cookie), so nobody can keep an administrator out by guessing
/// on purpose. See docs/decisions/0005-sign-in-hardening.md.
/// </summary>
public sealed partial class PasswordSignIn(
    SignInManager<ApplicationUser> signInManager,
    UserManager<ApplicationUser> users,
    IPasswordHasher<ApplicationUser> hasher,
    IDataProtectionProvider dataProtection,
    ILogger<PasswordSignIn> logger)
{
    public const string KnownDeviceCookie = "SlaAdmin.KnownDevice";
    private static readonly TimeSpan KnownDeviceLifetime = TimeSpan.FromDays(180);
    private static string? s_decoyHash;

    /// <summary>True when signed in (the cookie is set); false for every kind of failure alike.</summary>
    public async Task<bool> SignInAsync(HttpContext http, string typedName, string password, bool remember)
    {
        var user = await FindUserAsync(typedName);
        if (user is null)
        {
            HashDecoy(password);
            return false;
        }

        if (await users.IsLockedOutAsync(user))
        {
            if (!IsKnownDevice(http, user))
            {
                HashDecoy(password);
                LogLockedOut(logger, user.UserName!);
                return false;
            }
            // The owner's own browser: the lock is for guessers elsewhere.
            if (!await users.CheckPasswordAsync(user, password)) return false;
            await signInManager.SignInAsync(user, remember);
            RememberDevice(http, user);
            return true;
        }

        var result = await signInManager.PasswordSignInAsync(user, password, remember, lockoutOnFailure: true);
        if (!result.Succeeded) return false;
        RememberDevice(http, user);
        return true;
    }

    /// <summary>By user name first, then by email; digits typed on a Persian keyboard count as Latin.</summary>
    private async Task<ApplicationUser?> FindUserAsync(string typed)
    {
        var name = PersianDigits.ToLatin(typed).Trim();
        var user = await users.FindByNameAsync(name);
        if (user is not null || !name.Contains('@')) return user;
        try
        {
            return await users.FindByEmailAsync(name);
        }
        catch (InvalidOperationException)
        {
            return null; // two accounts share this email: it cannot say who is signing in
        }
    }

    // As much work as checking a real password, so the answer's timing does not tell whether the name exists.
    private void HashDecoy(string password)
    {
        var decoy = new ApplicationUser();
        s_decoyHash ??= hasher.HashPassword(decoy, Guid.NewGuid().ToString());
        hasher.VerifyHashedPassword(decoy, s_decoyHash, password);
    }

    private ITimeLimitedDataProtector Protector =>
        dataProtection.CreateProtector("SlaAdmin.SignIn.KnownDevice").ToTimeLimitedDataProtector();

    private bool IsKnownDevice(HttpContext http, ApplicationUser user)
    {
        if (!http.Request.Cookies.TryGetValue(KnownDeviceCookie, out var value)) return false;
        try
        {
            return Protector.Unprotect(value) == user.Id;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return false;
        }
    }

    private void RememberDevice(HttpContext http, ApplicationUser user) =>
        http.Response.Cookies.Append(KnownDeviceCookie, Protector.Protect(user.Id, KnownDeviceLifetime), new CookieOptions
        {
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Strict,
            Path = "/Account",
            MaxAge = KnownDeviceLifetime,
        });

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in refused: {UserName} is locked out and this browser has not signed in as them before.")]
    private static partial void LogLockedOut(ILogger logger, string userName);
}
