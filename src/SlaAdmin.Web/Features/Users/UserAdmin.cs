using System.Data;
using System.Globalization;
using System.Data.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SlaAdmin.Auth;
using SlaAdmin.Data;
using SlaAdmin.Persian;

namespace SlaAdmin.Features.Users;

/// <summary>A local account as the users page shows it.</summary>
public sealed record UserRow(
    string Id, string UserName, string? Email, IReadOnlyList<string> Roles, DateTimeOffset? LockedOutUntil, int FailedAttempts)
{
    public string? Role => Roles.Count > 0 ? Roles[0] : null;
    public bool IsLockedOut => LockedOutUntil is not null;

    /// <summary>
    /// A moment as the organization reads it: Jalali date and hour in <paramref name="clock"/>'s zone
    /// (the app registers Tehran's), not the server's, which may run in UTC.
    /// </summary>
    public static string FormatTime(DateTimeOffset moment, TimeProvider clock)
    {
        var local = TimeZoneInfo.ConvertTime(moment, clock.LocalTimeZone);
        return $"{Jalali.FormatPersian(DateOnly.FromDateTime(local.DateTime))} ساعت {PersianDigits.ToPersian(local.ToString("HH:mm", CultureInfo.InvariantCulture))}";
    }
}

/// <summary>
/// Lists the local accounts, changes a user's role and lifts a lockout. Every call checks again,
/// in the database, that the signed-in user is an administrator now (<see cref="AccessCheck"/>).
/// </summary>
public sealed class UserAdmin(
    IDbContextFactory<SlaDbContext> dbFactory,
    IServiceScopeFactory scopes,
    AccessCheck access,
    SignInMode mode,
    TimeProvider clock)
{
    public const string ManagedInEntra = "نقش‌ها در Microsoft Entra ID مدیریت می‌شوند، نه در این سامانه.";
    public const string UnknownRole = "این نقش شناخته نیست.";
    public const string UnknownUser = "این حساب پیدا نشد؛ شاید حذف شده باشد. فهرست را دوباره بارگذاری کنید.";
    public const string ChangedMeanwhile = "در همین لحظه حساب‌ها به دست دیگری تغییر کرد؛ چیزی ذخیره نشد. فهرست را دوباره بارگذاری کنید.";
    public const string LastAdministrator = "این کاربر تنها مدیر سامانه است؛ نخست کاربر دیگری را مدیر کنید.";

    public async Task<IReadOnlyList<UserRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        await DemandAdministratorAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var users = await db.Users.AsNoTracking()
            .OrderBy(u => u.UserName)
            .Select(u => new
            {
                u.Id,
                u.UserName,
                u.Email,
                u.LockoutEnd,
                u.AccessFailedCount,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id)
                    .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!)
                    .OrderBy(name => name)
                    .ToList(),
            })
            .ToListAsync(cancellationToken);

        var now = clock.GetUtcNow();
        return users
            .Select(u => new UserRow(u.Id, u.UserName ?? "", u.Email, u.Roles,
                u.LockoutEnd > now ? u.LockoutEnd : null, u.AccessFailedCount))
            .ToList();
    }

    /// <summary>Gives the user exactly <paramref name="role"/>; returns a Persian error, or null when done.</summary>
    public async Task<string?> SetRoleAsync(string userId, string role)
    {
        await DemandAdministratorAsync();
        if (mode.UsesEntra) return ManagedInEntra;
        if (Roles.Find(role) is not { } newRole) return UnknownRole;

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        if (await users.FindByIdAsync(userId) is not { } user) return UnknownUser;

        // One transaction (serializable; on SQLite writers queue) and a second count before commit,
        // so two administrators demoting each other at the same moment cannot leave nobody in charge.
        var db = scope.ServiceProvider.GetRequiredService<SlaDbContext>();
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable);
            var current = await users.GetRolesAsync(user);
            if (current.Count == 1 && current[0] == newRole) return null;
            if (current.Contains(Roles.Administrator) && newRole != Roles.Administrator
                && (await users.GetUsersInRoleAsync(Roles.Administrator)).Count <= 1)
            {
                return LastAdministrator;
            }

            var removed = await users.RemoveFromRolesAsync(user, current);
            var added = removed.Succeeded ? await users.AddToRoleAsync(user, newRole) : removed;
            if (!added.Succeeded) return Failed(added);
            if ((await users.GetUsersInRoleAsync(Roles.Administrator)).Count == 0) return LastAdministrator;

            // A new stamp makes the user's open sessions re-validate and pick up the new role.
            await users.UpdateSecurityStampAsync(user);
            await transaction.CommitAsync();
            return null;
        }
        // PostgreSQL refuses one of two serializable transactions that overlap (40001); EF's execution
        // strategy hands that on wrapped in an InvalidOperationException ("likely a transient failure").
        catch (Exception ex) when (ex is DbException or DbUpdateException || ex.InnerException is DbException or DbUpdateException)
        {
            return ChangedMeanwhile;
        }
    }

    /// <summary>Ends a lockout and clears the failed attempts; returns a Persian error, or null when done.</summary>
    public async Task<string?> UnlockAsync(string userId)
    {
        await DemandAdministratorAsync();
        if (mode.UsesEntra) return ManagedInEntra;

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        if (await users.FindByIdAsync(userId) is not { } user) return UnknownUser;

        var unlocked = await users.SetLockoutEndDateAsync(user, null);
        if (unlocked.Succeeded) unlocked = await users.ResetAccessFailedCountAsync(user);
        return unlocked.Succeeded ? null : Failed(unlocked);
    }

    // Against the database, not the circuit's claims: a demoted administrator's open page cannot
    // promote anyone, itself included.
    private Task DemandAdministratorAsync() => access.DemandAsync(Roles.Administrator);

    private static string Failed(IdentityResult result) =>
        "تغییر ذخیره نشد: " + string.Join(" ", result.Errors.Select(e => e.Description));
}
