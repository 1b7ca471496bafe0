using System.Net;
using System.Text;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using SlaAdmin.Auth;
using SlaAdmin.Data;

namespace SlaAdmin.IntegrationTests.Auth;

/// <summary>
/// With an AzureAd section the app challenges OpenID Connect. The authority is fake and its discovery
/// document is answered in-process, so the real challenge and sign-out run without any network.
/// </summary>
public sealed class EntraSignInTests : IDisposable
{
    private const string Instance = "https://login.fake-entra.test/";
    private const string Tenant = "11111111-2222-3333-4444-555555555555";
    private const string ClientId = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";
    private static readonly string Authority = $"{Instance}{Tenant}/v2.0";

    private readonly SlaAppFactory _app = new();
    private readonly FakeAuthority _authority = new();
    private readonly WebApplicationFactory<Program> _entra;

    public EntraSignInTests()
    {
        _entra = _app.WithWebHostBuilder(b => b
            .UseSetting("AzureAd:Instance", Instance)
            .UseSetting("AzureAd:TenantId", Tenant)
            .UseSetting("AzureAd:ClientId", ClientId)
            .UseSetting("AzureAd:CallbackPath", "/signin-oidc")
            .ConfigureTestServices(services =>
                services.Configure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, o => o.BackchannelHttpHandler = _authority)));
    }

    private HttpClient Client(string? role = null)
    {
        var client = _entra.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        if (role is not null) client.DefaultRequestHeaders.Add(TestAuth.RoleHeader, role);
        return client;
    }

    [Fact]
    public async Task Anonymous_request_goes_through_the_sign_in_endpoint_to_the_entra_authority()
    {
        var client = Client();

        var home = await client.GetAsync("/");
        var login = await client.GetAsync(home.Headers.Location);
        var authorize = login.Headers.Location!;
        var query = System.Web.HttpUtility.ParseQueryString(authorize.Query);

        Assert.Equal("/Account/Login", home.Headers.Location!.AbsolutePath);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal($"{Authority}/oauth2/authorize", authorize.GetLeftPart(UriPartial.Path));
        Assert.Equal(ClientId, query["client_id"]);
        Assert.Equal("https://localhost/signin-oidc", query["redirect_uri"]);
        Assert.Contains("openid", query["scope"], StringComparison.Ordinal);
        Assert.Equal("id_token", query["response_type"]);
        Assert.Contains($"{Authority}/.well-known/openid-configuration", _authority.Requested);
    }

    [Fact]
    public async Task The_local_sign_in_form_is_not_offered()
    {
        var login = await Client().GetAsync("/Account/Login");

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.StartsWith(Instance, login.Headers.Location!.AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Posting_a_local_account_to_the_sign_in_route_while_entra_is_on_goes_to_entra_and_signs_nobody_in()
    {
        await using (var scope = _entra.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            Assert.True((await users.CreateAsync(new ApplicationUser { UserName = "local" }, "Local#1403")).Succeeded);
        }

        var posted = await Client().PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["Input.UserName"] = "local",
            ["Input.Password"] = "Local#1403",
        }));

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.StartsWith(Instance, posted.Headers.Location!.AbsoluteUri, StringComparison.Ordinal);
        Assert.DoesNotContain(posted.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [],
            c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal) && !c.StartsWith(".AspNetCore.Identity.Application=;", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sign_out_ends_the_cookie_and_the_entra_session()
    {
        var client = Client(Roles.Viewer);
        var token = await SignInForm.AntiforgeryTokenAsync(client, "/");

        var signedOut = await client.PostAsync("/Account/Logout",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        var location = signedOut.Headers.Location!;
        var query = System.Web.HttpUtility.ParseQueryString(location.Query);

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal($"{Authority}/oauth2/logout", location.GetLeftPart(UriPartial.Path));
        Assert.Equal("https://localhost/signout-callback-oidc", query["post_logout_redirect_uri"]);
        Assert.Contains(signedOut.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Identity.Application=;", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Users_page_says_roles_are_managed_in_entra()
    {
        var response = await Client(Roles.Administrator).GetAsync("/admin/users");
        var html = await SignInForm.TextAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"entra-notice\"", html, StringComparison.Ordinal);
        Assert.Contains("در Entra", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"users\"", html, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _entra.Dispose();
        _app.Dispose();
    }

    /// <summary>The authority's discovery document and keys, answered in-process.</summary>
    private sealed class FakeAuthority : HttpMessageHandler
    {
        public List<string> Requested { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var url = request.RequestUri!.AbsoluteUri;
            lock (Requested) Requested.Add(url);
            var body = url.EndsWith("/.well-known/openid-configuration", StringComparison.Ordinal)
                ? $$"""
                  {
                    "issuer": "{{Authority}}",
                    "authorization_endpoint": "{{Authority}}/oauth2/authorize",
                    "token_endpoint": "{{Authority}}/oauth2/token",
                    "end_session_endpoint": "{{Authority}}/oauth2/logout",
                    "jwks_uri": "{{Authority}}/discovery/keys",
                    "response_types_supported": ["code", "id_token"],
                    "subject_types_supported": ["pairwise"],
                    "id_token_signing_alg_values_supported": ["RS256"]
                  }
                  """
                : """{ "keys": [] }""";
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent(body, Encoding.UTF8, "application/json"),
            });
        }
    }
}
