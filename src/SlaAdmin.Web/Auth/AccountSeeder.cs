using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SlaAdmin.Data;

namespace SlaAdmin.Auth;

/// <summary>A demo account that exists only in the Development environment (docs/sign-in.md).</summary>
public sealed record DemoAccount(string UserName, string Email, string Password, string Role);

/// <summary>
/// Runs once at start, after migrations: creates the three roles everywhere; then, with local
/// accounts, the demo users in Development, or elsewhere the first administrator from
/// <c>Bootstrap:AdminUserName</c> / <c>Bootstrap:AdminPassword</c> while no administrator exists.
/// </summary>
public sealed partial class AccountSeeder(
    RoleManager<IdentityRole> roleManager,
    UserManager<ApplicationUser> userManager,
    SignInMode mode,
    IHostEnvironment environment,
    IConfiguration configuration,
    ILogger<AccountSeeder> logger)
{
    public static IReadOnlyList<DemoAccount> DemoAccounts { get; } =
    [
        new("admin", "admin@example.com", "Admin#1403", Roles.Administrator),
        new("legal", "legal@example.com", "Legal#1403", Roles.LegalReviewer),
        new("viewer", "viewer@example.com", "Viewer#1403", Roles.Viewer),
    ];

    public async Task SeedAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roleManager.RoleExistsAsync(role))
            {
                Check(await roleManager.CreateAsync(new IdentityRole(role)), $"create role {role}");
            }
        }

        if (mode.UsesEntra) return; // people and their roles come from Entra

        if (environment.IsDevelopment())
        {
            foreach (var demo in DemoAccounts)
            {
                if (await userManager.FindByNameAsync(demo.UserName) is null)
                {
                    await CreateAsync(demo.UserName, demo.Email, demo.Password, demo.Role);
                }
            }
            return;
        }

        await EnsureFirstAdministratorAsync();
    }

    private async Task EnsureFirstAdministratorAsync()
    {
        if ((await userManager.GetUsersInRoleAsync(Roles.Administrator)).Count > 0) return;

        var userName = configuration["Bootstrap:AdminUserName"];
        var password = configuration["Bootstrap:AdminPassword"];
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password))
        {
            LogNobodyCanSignIn(logger);
            return;
        }

        var existing = await userManager.FindByNameAsync(userName.Trim());
        if (existing is not null)
        {
            Check(await userManager.AddToRoleAsync(existing, Roles.Administrator), $"make {userName} an administrator");
            LogBootstrapped(logger, existing.UserName!);
            return;
        }

        if (await CreateAsync(userName.Trim(), configuration["Bootstrap:AdminEmail"], password, Roles.Administrator))
        {
            LogBootstrapped(logger, userName.Trim());
        }
    }

    private async Task<bool> CreateAsync(string userName, string? email, string password, string role)
    {
        var user = new ApplicationUser { UserName = userName, Email = email, EmailConfirmed = email is not null };
        var created = await userManager.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            LogCannotCreate(logger, userName, Describe(created));
            return false;
        }
        Check(await userManager.AddToRoleAsync(user, role), $"give {userName} the role {role}");
        return true;
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded) throw new InvalidOperationException($"Could not {what}: {Describe(result)}");
    }

    private static string Describe(IdentityResult result) => string.Join(" ", result.Errors.Select(e => e.Description));

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "هیچ مدیری تعریف نشده است و کسی نمی‌تواند وارد سامانه شود؛ Bootstrap:AdminUserName و Bootstrap:AdminPassword را تنظیم کنید. " +
        "No administrator exists and Bootstrap:AdminUserName / Bootstrap:AdminPassword are not set: nobody can sign in.")]
    private static partial void LogNobodyCanSignIn(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message =
        "حساب {UserName} ساخته نشد. The account could not be created: {Errors}")]
    private static partial void LogCannotCreate(ILogger logger, string userName, string errors);

    [LoggerMessage(Level = LogLevel.Information, Message = "The first administrator {UserName} was created from the Bootstrap settings.")]
    private static partial void LogBootstrapped(ILogger logger, string userName);
}

public static class AccountSeeding
{
    /// <summary>Creates the roles and the first accounts; called inside the database's startup lock, so instances take turns.</summary>
    public static async Task SeedAccountsAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await ActivatorUtilities.CreateInstance<AccountSeeder>(scope.ServiceProvider).SeedAsync();
    }
}
