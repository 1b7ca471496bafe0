using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace SlaAdmin.IntegrationTests.Auth;

/// <summary>The real login form and cookie, with the demo accounts of the Development environment.</summary>
public sealed class CookieSignInTests : IDisposable
{
    private readonly SlaAppFactory _app = new() { Environment = "Development" };

    [Fact]
    public async Task Signing_in_with_the_form_sets_a_cookie_that_shows_the_user_name_on_the_home_page()
    {
        var client = _app.CreateClient(role: null);

        var posted = await SignInForm.PostAsync(client, "admin", "Admin#1403");
        var home = await client.GetAsync(posted.Headers.Location);
        var html = await SignInForm.TextAsync(home);

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal("/", SignInForm.Target(posted));
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Matches("data-testid=\"user-name\"[^>]*>admin<", html);
        Assert.Contains("action=\"Account/Logout\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_in_by_email_works_and_returns_to_the_page_asked_for()
    {
        var client = _app.CreateClient(role: null);

        var posted = await SignInForm.PostAsync(client, "legal@example.com", "Legal#1403", returnUrl: "/admin/users?x=1");

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal("/admin/users?x=1", SignInForm.Target(posted));
    }

    [Fact]
    public async Task A_return_url_to_another_site_is_ignored()
    {
        var client = _app.CreateClient(role: null);

        var posted = await SignInForm.PostAsync(client, "viewer", "Viewer#1403", returnUrl: "https://evil.example/steal");

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal("/", SignInForm.Target(posted));
    }

    [Fact]
    public async Task Wrong_password_shows_the_persian_error_and_signs_nobody_in()
    {
        var client = _app.CreateClient(role: null);

        var posted = await SignInForm.PostAsync(client, "admin", "Admin#1404");
        var html = await SignInForm.TextAsync(posted);
        var home = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("نام کاربری یا گذرواژه نادرست است.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Admin#1404", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
    }

    [Fact]
    public async Task Unknown_user_gets_the_same_persian_error()
    {
        var posted = await SignInForm.PostAsync(_app.CreateClient(role: null), "nobody", "Admin#1403");

        Assert.Contains("نام کاربری یا گذرواژه نادرست است.", await SignInForm.TextAsync(posted), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Empty_form_shows_persian_validation_messages()
    {
        var posted = await SignInForm.PostAsync(_app.CreateClient(role: null), "", "");
        var html = await SignInForm.TextAsync(posted);

        Assert.Contains("نام کاربری یا رایانامه را وارد کنید.", html, StringComparison.Ordinal);
        Assert.Contains("گذرواژه را وارد کنید.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_for_fifteen_minutes_without_saying_so()
    {
        var client = _app.CreateClient(role: null);

        var answers = new List<HttpResponseMessage>();
        for (var i = 1; i <= 5; i++) answers.Add(await SignInForm.PostAsync(client, "viewer", $"Wrong#{i}"));
        var rightPasswordAfterwards = await SignInForm.PostAsync(client, "viewer", "Viewer#1403");

        Assert.All(answers.Append(rightPasswordAfterwards), a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Contains(Components.Account.Pages.Login.WrongCredentials, await SignInForm.TextAsync(rightPasswordAfterwards), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);

        await using var db = _app.CreateDbContext();
        var viewer = await db.Users.SingleAsync(u => u.UserName == "viewer");
        var minutes = (viewer.LockoutEnd!.Value - DateTimeOffset.UtcNow).TotalMinutes;
        Assert.InRange(minutes, 14, 15);
    }

    [Fact]
    public async Task Signed_in_viewer_asking_for_the_users_page_is_sent_to_the_persian_access_denied_page()
    {
        var client = _app.CreateClient(role: null);
        await SignInForm.SignInAsync(client, "viewer", "Viewer#1403");

        var response = await client.GetAsync("/admin/users");
        var denied = await SignInForm.TextAsync(await client.GetAsync(response.Headers.Location));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/AccessDenied", response.Headers.Location!.AbsolutePath);
        Assert.Contains("دسترسی ندارید", denied, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signed_in_administrator_gets_the_users_page()
    {
        var client = _app.CreateClient(role: null);
        await SignInForm.SignInAsync(client, "admin", "Admin#1403");

        var response = await client.GetAsync("/admin/users");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(">viewer</td>", await SignInForm.TextAsync(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_out_from_the_app_bar_ends_the_session()
    {
        var client = _app.CreateClient(role: null);
        await SignInForm.SignInAsync(client, "legal", "Legal#1403");
        var token = await SignInForm.AntiforgeryTokenAsync(client, "/");

        var signedOut = await client.PostAsync("/Account/Logout",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        var home = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal("/Account/Login", home.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task Sign_out_without_the_antiforgery_token_is_refused()
    {
        var client = _app.CreateClient(role: null);
        await SignInForm.SignInAsync(client, "legal", "Legal#1403");

        var signedOut = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent([]));
        var home = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.BadRequest, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
    }

    public void Dispose() => _app.Dispose();
}
