using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace SlaAdmin.IntegrationTests.Hosting;

/// <summary>Headers, the reverse proxy, cookies and health, as a Production deployment runs them.</summary>
public sealed partial class EdgeTests : IDisposable
{
    private const string Proxy = "10.1.2.3";

    private readonly SlaAppFactory _app = new()
    {
        Environment = "Production",
        Settings = { ["ReverseProxy:KnownProxies:0"] = Proxy },
    };

    [Fact]
    public async Task Pages_carry_the_security_headers_and_no_server_header()
    {
        var response = await _app.CreateClient(role: null).GetAsync("/Account/Login");
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("camera=()", response.Headers.GetValues("Permissions-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("style-src 'self' 'unsafe-inline'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src 'self' 'unsafe-inline'", csp, StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Server"));
        Assert.False(_app.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.AddServerHeader);
    }

    [Fact]
    public async Task The_import_map_carries_the_nonce_the_policy_allows()
    {
        var response = await _app.CreateClient(role: null).GetAsync("/Account/Login");
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        var nonce = NonceInPolicy().Match(csp).Groups[1].Value;
        Assert.NotEmpty(nonce);
        Assert.Matches($"<script[^>]*type=\"importmap\"[^>]*nonce=\"{Regex.Escape(nonce)}\"|<script[^>]*nonce=\"{Regex.Escape(nonce)}\"[^>]*type=\"importmap\"", html);
    }

    [Fact]
    public async Task Behind_the_configured_proxy_a_forwarded_https_request_is_https_and_gets_hsts()
    {
        var fromProxy = await SendAsync(Proxy);
        var fromElsewhere = await SendAsync("10.9.9.9");

        Assert.Equal("https", fromProxy.Request.Scheme);
        Assert.Equal("203.0.113.9", fromProxy.Connection.RemoteIpAddress!.ToString());
        Assert.True(fromProxy.Response.Headers.ContainsKey("Strict-Transport-Security"));
        Assert.Equal("http", fromElsewhere.Request.Scheme);
        Assert.Equal("10.9.9.9", fromElsewhere.Connection.RemoteIpAddress!.ToString());
        Assert.False(fromElsewhere.Response.Headers.ContainsKey("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Cookies_are_secure_outside_development()
    {
        var client = _app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://localhost") });

        var response = await client.GetAsync("/Account/Login");
        var cookies = response.Headers.GetValues("Set-Cookie").ToList();

        Assert.NotEmpty(cookies);
        Assert.All(cookies, c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_endpoints_answer_anonymous_callers(string path)
    {
        var response = await _app.CreateClient(role: null).GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    private Task<HttpContext> SendAsync(string remoteAddress) =>
        _app.Server.SendAsync(context =>
        {
            context.Request.Method = HttpMethods.Get;
            context.Request.Path = "/health/live";
            context.Request.Host = new HostString("sla.example.ir");
            context.Request.Headers["X-Forwarded-Proto"] = "https";
            context.Request.Headers["X-Forwarded-For"] = "203.0.113.9";
            context.Connection.RemoteIpAddress = IPAddress.Parse(remoteAddress);
        });

    [GeneratedRegex("script-src [^;]*'nonce-([^']+)'")]
    private static partial Regex NonceInPolicy();

    public void Dispose() => _app.Dispose();
}
