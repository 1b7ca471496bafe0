using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SlaAdmin.Auth;
using SlaAdmin.Data;
using SlaAdmin.Features.Users;

namespace SlaAdmin.IntegrationTests.Auth;

/// <summary>Sign-out and role changes end sessions at once: old cookies and open circuits are refused.</summary>
public sealed class SessionTests : IDisposable
{
    private readonly SlaAppFactory _app = new() { Environment = "Development" };

    [Fact]
    public async Task A_cookie_replayed_after_sign_out_reads_no_page_and_downloads_no_export()
    {
        var client = _app.CreateClient(role: null);
        var cookie = await SignInAndTakeCookieAsync(client, "viewer", "Viewer#1403");
        Assert.Equal(HttpStatusCode.OK, (await GetWithCookieAsync("/catalogue", cookie)).StatusCode);

        await SignOutAsync(client);

        var page = await GetWithCookieAsync("/catalogue", cookie);
        var export = await GetWithCookieAsync("/export/catalogue.xlsx", cookie);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/Account/Login", page.Headers.Location!.AbsolutePath);
        Assert.NotEqual(HttpStatusCode.OK, export.StatusCode);
        Assert.NotEqual(WorkbookContentType, export.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Sign_out_ends_the_persons_sessions_in_other_browsers()
    {
        var first = _app.CreateClient(role: null);
        var second = _app.CreateClient(role: null);
        await SignInForm.SignInAsync(first, "legal", "Legal#1403");
        await SignInForm.SignInAsync(second, "legal", "Legal#1403");

        await SignOutAsync(first);
        var home = await second.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal("/Account/Login", home.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task A_demoted_administrators_old_cookie_is_refused_the_users_page_and_its_open_circuit_cannot_promote_itself()
    {
        var client = _app.CreateClient(role: null);
        var cookie = await SignInAndTakeCookieAsync(client, "admin", "Admin#1403");
        var adminsCircuit = await PrincipalOfAsync("admin");
        await using (var legal = TestCircuit.Open(_app.Services, await PrincipalOfAsync("legal")))
        {
            // legal is made an administrator by admin, then demotes admin.
            await using var admins = TestCircuit.Open(_app.Services, adminsCircuit);
            Assert.Null(await admins.UserAdmin.SetRoleAsync(await IdOfAsync("legal"), Roles.Administrator));
            await using var legalAsAdministrator = TestCircuit.Open(_app.Services, await PrincipalOfAsync("legal"));
            Assert.Null(await legalAsAdministrator.UserAdmin.SetRoleAsync(await IdOfAsync("admin"), Roles.Viewer));
        }

        var page = await GetWithCookieAsync("/admin/users", cookie);
        await using var stillOpen = TestCircuit.Open(_app.Services, adminsCircuit);
        var refused = await Assert.ThrowsAsync<AccessDeniedException>(() => stillOpen.UserAdmin.SetRoleAsync(stillOpen.UserId, Roles.Administrator));

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/Account/Login", page.Headers.Location!.AbsolutePath);
        Assert.Equal(AccessCheck.SessionEnded, refused.Message);
        Assert.Equal([Roles.Viewer], await RolesOfAsync("admin"));
    }

    private const string WorkbookContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static async Task<string> SignInAndTakeCookieAsync(HttpClient client, string userName, string password)
    {
        var response = await SignInForm.PostAsync(client, userName, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var setCookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal));
        return setCookie[..setCookie.IndexOf(';', StringComparison.Ordinal)];
    }

    private static async Task SignOutAsync(HttpClient client)
    {
        var token = await SignInForm.AntiforgeryTokenAsync(client, "/");
        var signedOut = await client.PostAsync("/Account/Logout",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
    }

    /// <summary>A request that carries only <paramref name="cookie"/>, as an attacker replaying it would send.</summary>
    private async Task<HttpResponseMessage> GetWithCookieAsync(string path, string cookie)
    {
        using var raw = _app.Server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        return await raw.SendAsync(request);
    }

    private async Task<ClaimsPrincipal> PrincipalOfAsync(string userName)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByNameAsync(userName);
        return await scope.ServiceProvider.GetRequiredService<SignInManager<ApplicationUser>>().CreateUserPrincipalAsync(user!);
    }

    private async Task<string> IdOfAsync(string userName)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByNameAsync(userName))!.Id;
    }

    private async Task<IList<string>> RolesOfAsync(string userName)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return await users.GetRolesAsync((await users.FindByNameAsync(userName))!);
    }

    public void Dispose() => _app.Dispose();
}
