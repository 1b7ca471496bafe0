using System.Net;
using SlaAdmin.Auth;

namespace SlaAdmin.IntegrationTests.Auth;

public sealed class AccessTests : IDisposable
{
    private readonly SlaAppFactory _app = new() { Environment = "Development" };

    [Theory]
    [InlineData("/")]
    [InlineData("/catalogue")]
    [InlineData("/admin/users")]
    public async Task Anonymous_request_is_sent_to_the_sign_in_page(string path)
    {
        var response = await _app.CreateClient(role: null).GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Login", response.Headers.Location!.AbsolutePath);
        Assert.Contains("ReturnUrl=" + Uri.EscapeDataString(path), response.Headers.Location.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_in_page_and_its_styles_are_served_to_anonymous_visitors()
    {
        var client = _app.CreateClient(role: null);

        var page = await client.GetAsync("/Account/Login");
        var html = await SignInForm.TextAsync(page);
        var stylesheet = System.Text.RegularExpressions.Regex.Match(html, "href=\"(_content/MudBlazor/MudBlazor[^\"]*\\.css)\"").Groups[1].Value;

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<html lang=\"fa\" dir=\"rtl\">", html, StringComparison.Ordinal);
        Assert.Contains("ورود به سامانه", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/" + stylesheet)).StatusCode);
    }

    [Fact]
    public async Task Viewer_is_refused_the_users_page()
    {
        var response = await _app.CreateClient(Roles.Viewer).GetAsync("/admin/users");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Legal_reviewer_is_refused_the_users_page()
    {
        var response = await _app.CreateClient(Roles.LegalReviewer).GetAsync("/admin/users");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Administrator_sees_the_accounts_and_their_roles()
    {
        var response = await _app.CreateClient(Roles.Administrator).GetAsync("/admin/users");
        var html = await SignInForm.TextAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("حساب‌های کاربری", html, StringComparison.Ordinal);
        foreach (var demo in AccountSeeder.DemoAccounts)
        {
            Assert.Contains($">{demo.UserName}</td>", html, StringComparison.Ordinal);
        }
        Assert.Contains("کارشناس حقوقی", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Microsoft Entra", html, StringComparison.Ordinal);
    }

    public void Dispose() => _app.Dispose();
}
