using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SlaAdmin.Auth;
using SlaAdmin.Data;
using SlaAdmin.Features.Users;

namespace SlaAdmin.Tests.Auth;

/// <summary>UserAdmin against the real store, with the Development demo accounts (admin, legal, viewer).</summary>
public sealed class UserAdminTests : IAsyncLifetime
{
    private AuthHost _host = default!;

    public async Task InitializeAsync()
    {
        _host = await AuthHost.StartAsync();
        await _host.SignInAsUserAsync("admin");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private UserAdmin NewUserAdmin(IServiceScope scope) => scope.ServiceProvider.GetRequiredService<UserAdmin>();

    private async Task<T> WithUserAdminAsync<T>(Func<UserAdmin, Task<T>> action)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return await action(NewUserAdmin(scope));
    }

    private async Task<ApplicationUser> UserAsync(string userName)
    {
        await using var db = _host.CreateDbContext();
        return await db.Users.AsNoTracking().SingleAsync(u => u.UserName == userName);
    }

    private async Task<IList<string>> RolesOfAsync(string userName)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return await users.GetRolesAsync((await users.FindByNameAsync(userName))!);
    }

    [Fact]
    public async Task Administrator_sees_every_account_with_its_role()
    {
        var rows = await WithUserAdminAsync(u => u.ListAsync());

        Assert.Equal(["admin:Administrator", "legal:LegalReviewer", "viewer:Viewer"], rows.Select(r => $"{r.UserName}:{r.Role}"));
        Assert.All(rows, r => Assert.False(r.IsLockedOut));
    }

    [Theory]
    [InlineData("viewer")]
    [InlineData("legal")]
    public async Task Anyone_but_an_administrator_is_refused_on_the_server_and_nothing_changes(string userName)
    {
        await _host.SignInAsUserAsync(userName);
        var viewer = await UserAsync("viewer");

        var list = await Assert.ThrowsAsync<AccessDeniedException>(() => WithUserAdminAsync(u => u.ListAsync()));
        await Assert.ThrowsAsync<AccessDeniedException>(() => WithUserAdminAsync(u => u.SetRoleAsync(viewer.Id, Roles.Administrator)));
        await Assert.ThrowsAsync<AccessDeniedException>(() => WithUserAdminAsync(u => u.UnlockAsync(viewer.Id)));

        Assert.Contains("«مدیر سامانه»", list.Message, StringComparison.Ordinal);
        Assert.Equal([Roles.Viewer], await RolesOfAsync("viewer"));
    }

    [Fact]
    public async Task Administrator_claims_are_refused_once_the_database_no_longer_has_the_role()
    {
        // The viewer's claims say Administrator (as an old cookie would); then the role goes, stamp untouched.
        await using var scope = _host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var viewer = (await users.FindByNameAsync("viewer"))!;
        await users.AddToRoleAsync(viewer, Roles.Administrator);
        await _host.SignInAsUserAsync("viewer");
        await using var circuit = _host.Services.CreateAsyncScope();
        await using (var db = _host.CreateDbContext())
        {
            var administrators = await db.Roles.SingleAsync(r => r.Name == Roles.Administrator);
            await db.UserRoles.Where(ur => ur.UserId == viewer.Id && ur.RoleId == administrators.Id).ExecuteDeleteAsync();
        }

        await Assert.ThrowsAsync<AccessDeniedException>(() => NewUserAdmin(circuit).ListAsync());
    }

    [Fact]
    public async Task A_demoted_administrators_open_circuit_cannot_promote_itself_back()
    {
        // legal becomes a second administrator and opens the users page (a circuit of its own).
        var legal = await UserAsync("legal");
        Assert.Null(await WithUserAdminAsync(u => u.SetRoleAsync(legal.Id, Roles.Administrator)));
        await _host.SignInAsUserAsync("legal");
        await using var legalsCircuit = _host.Services.CreateAsyncScope();
        var legalsPage = NewUserAdmin(legalsCircuit);
        Assert.NotEmpty(await legalsPage.ListAsync());

        // admin demotes legal while legal's circuit stays open.
        await _host.SignInAsUserAsync("admin");
        Assert.Null(await WithUserAdminAsync(u => u.SetRoleAsync(legal.Id, Roles.Viewer)));

        var denied = await Assert.ThrowsAsync<AccessDeniedException>(() => legalsPage.SetRoleAsync(legal.Id, Roles.Administrator));
        Assert.Equal(AccessCheck.SessionEnded, denied.Message);
        Assert.Equal([Roles.Viewer], await RolesOfAsync("legal"));
    }

    [Fact]
    public async Task Changing_a_role_replaces_the_old_one_and_renews_the_security_stamp()
    {
        var before = await UserAsync("viewer");

        var error = await WithUserAdminAsync(u => u.SetRoleAsync(before.Id, Roles.LegalReviewer));

        Assert.Null(error);
        Assert.Equal([Roles.LegalReviewer], await RolesOfAsync("viewer"));
        Assert.NotEqual(before.SecurityStamp, (await UserAsync("viewer")).SecurityStamp);
    }

    [Fact]
    public async Task The_last_administrator_cannot_be_demoted()
    {
        var admin = await UserAsync("admin");

        var error = await WithUserAdminAsync(u => u.SetRoleAsync(admin.Id, Roles.Viewer));

        Assert.Equal(UserAdmin.LastAdministrator, error);
        Assert.Equal([Roles.Administrator], await RolesOfAsync("admin"));
    }

    [Fact]
    public async Task An_administrator_can_be_demoted_once_there_is_another()
    {
        var admin = await UserAsync("admin");
        var legal = await UserAsync("legal");

        var promoted = await WithUserAdminAsync(u => u.SetRoleAsync(legal.Id, Roles.Administrator));
        var demoted = await WithUserAdminAsync(u => u.SetRoleAsync(admin.Id, Roles.Viewer));

        Assert.Null(promoted);
        Assert.Null(demoted);
        Assert.Equal([Roles.Viewer], await RolesOfAsync("admin"));
        Assert.Equal([Roles.Administrator], await RolesOfAsync("legal"));
    }

    [Fact]
    public async Task A_role_that_is_not_ours_is_refused_in_persian()
    {
        var viewer = await UserAsync("viewer");

        var error = await WithUserAdminAsync(u => u.SetRoleAsync(viewer.Id, "Owner"));

        Assert.Equal(UserAdmin.UnknownRole, error);
        Assert.Equal([Roles.Viewer], await RolesOfAsync("viewer"));
    }

    [Fact]
    public async Task An_account_that_no_longer_exists_is_reported_in_persian()
    {
        Assert.Equal(UserAdmin.UnknownUser, await WithUserAdminAsync(u => u.SetRoleAsync("no-such-id", Roles.Viewer)));
        Assert.Equal(UserAdmin.UnknownUser, await WithUserAdminAsync(u => u.UnlockAsync("no-such-id")));
    }

    [Fact]
    public async Task A_locked_out_account_is_listed_as_locked_and_unlocking_clears_the_lock_and_the_failures()
    {
        await using (var db = _host.CreateDbContext())
        {
            var viewer = await db.Users.SingleAsync(u => u.UserName == "viewer");
            viewer.LockoutEnd = DateTimeOffset.UtcNow.AddMinutes(10);
            viewer.AccessFailedCount = 3;
            await db.SaveChangesAsync();
        }

        var listedLocked = (await WithUserAdminAsync(u => u.ListAsync())).Single(r => r.UserName == "viewer");
        var error = await WithUserAdminAsync(async u => await u.UnlockAsync(listedLocked.Id));
        var listedAfter = (await WithUserAdminAsync(u => u.ListAsync())).Single(r => r.UserName == "viewer");
        var stored = await UserAsync("viewer");

        Assert.True(listedLocked.IsLockedOut);
        Assert.Null(error);
        Assert.False(listedAfter.IsLockedOut);
        Assert.Null(stored.LockoutEnd);
        Assert.Equal(0, stored.AccessFailedCount);
    }

    [Fact]
    public async Task A_lockout_that_has_run_out_is_not_listed_as_locked()
    {
        await using (var db = _host.CreateDbContext())
        {
            var viewer = await db.Users.SingleAsync(u => u.UserName == "viewer");
            viewer.LockoutEnd = DateTimeOffset.UtcNow.AddMinutes(-1);
            await db.SaveChangesAsync();
        }

        var row = (await WithUserAdminAsync(u => u.ListAsync())).Single(r => r.UserName == "viewer");

        Assert.False(row.IsLockedOut);
    }
}
