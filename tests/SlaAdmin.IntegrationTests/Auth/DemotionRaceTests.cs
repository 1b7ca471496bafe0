using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SlaAdmin.Auth;
using SlaAdmin.Data;
using SlaAdmin.Features.Users;
using SlaAdmin.IntegrationTests.Agreements;

namespace SlaAdmin.IntegrationTests.Auth;

/// <summary>
/// Two administrators, each with the users page open, demote each other at the same moment: the
/// organization must never be left without an administrator, on either database.
/// </summary>
public sealed class DemotionRaceTests
{
    private const int Rounds = 12;

    [Theory]
    [InlineData(TestDatabases.Sqlite)]
    [InlineData(TestDatabases.PostgreSql)]
    public async Task Two_administrators_demoting_each_other_at_once_always_leave_one_administrator(string provider)
    {
        await using var app = await TestDatabases.StartAsync(provider);
        _ = app.Server;
        var first = await TestAuth.PrincipalAsync(app.Services, Roles.Administrator);
        var second = await SecondAdministratorAsync(app.Services);

        for (var round = 0; round < Rounds; round++)
        {
            await using var firstPage = TestCircuit.Open(app.Services, first);
            await using var secondPage = TestCircuit.Open(app.Services, await PrincipalAsync(app.Services, "second-admin"));
            var start = new TaskCompletionSource();
            var demoteSecond = Task.Run(async () => { await start.Task; return await firstPage.UserAdmin.SetRoleAsync(secondPage.UserId, Roles.Viewer); });
            var demoteFirst = Task.Run(async () => { await start.Task; return await SafelyAsync(() => secondPage.UserAdmin.SetRoleAsync(firstPage.UserId, Roles.Viewer)); });
            start.SetResult();
            var outcomes = new[] { await SafelyAsync(() => demoteSecond), await demoteFirst };

            var administrators = await AdministratorsAsync(app.Services);
            Assert.NotEmpty(administrators);
            // Whoever lost was told why in Persian; nobody's change half-happened.
            Assert.All(outcomes.OfType<string>(), message => Assert.Contains(message,
                new[] { UserAdmin.LastAdministrator, UserAdmin.ChangedMeanwhile, AccessCheck.SessionEnded, AccessDeniedException.For([Roles.Administrator]).Message }));
            Assert.Equal(outcomes.Count(o => o is null), 2 - administrators.Count);

            await RestoreAsync(app.Services, first, "second-admin");
            first = await TestAuth.PrincipalAsync(app.Services, Roles.Administrator);
        }
    }

    /// <summary>The outcome of a role change as the page shows it: null when done, else the Persian message (a refusal included).</summary>
    private static async Task<string?> SafelyAsync(Func<Task<string?>> change)
    {
        try
        {
            return await change();
        }
        catch (AccessDeniedException refused)
        {
            return refused.Message;
        }
    }

    private static async Task<System.Security.Claims.ClaimsPrincipal> SecondAdministratorAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = "second-admin", Email = "second-admin@example.ir" };
        Assert.True((await users.CreateAsync(user)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.Administrator)).Succeeded);
        return await PrincipalAsync(services, "second-admin");
    }

    private static async Task<System.Security.Claims.ClaimsPrincipal> PrincipalAsync(IServiceProvider services, string userName)
    {
        await using var scope = services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByNameAsync(userName);
        return await scope.ServiceProvider.GetRequiredService<SignInManager<ApplicationUser>>().CreateUserPrincipalAsync(user!);
    }

    private static async Task<IList<ApplicationUser>> AdministratorsAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().GetUsersInRoleAsync(Roles.Administrator);
    }

    /// <summary>Both back to administrator for the next round, outside the app's checks.</summary>
    private static async Task RestoreAsync(IServiceProvider services, System.Security.Claims.ClaimsPrincipal first, string second)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        foreach (var user in new[] { (await users.GetUserAsync(first))!, (await users.FindByNameAsync(second))! })
        {
            var roles = await users.GetRolesAsync(user);
            if (roles.Contains(Roles.Administrator)) continue;
            Assert.True((await users.RemoveFromRolesAsync(user, roles)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Roles.Administrator)).Succeeded);
        }
    }
}
