using System.Net;
using System.Text.RegularExpressions;

namespace SlaAdmin.IntegrationTests.Auth;

/// <summary>Drives the real sign-in form the way a browser does: GET the page, post it back with its antiforgery token.</summary>
internal static partial class SignInForm
{
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string userName, string password, string returnUrl = "/")
    {
        var url = $"/Account/Login?ReturnUrl={Uri.EscapeDataString(returnUrl)}";
        var token = await AntiforgeryTokenAsync(client, url);
        return await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["_handler"] = "login",
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        }));
    }

    /// <summary>Signs in and checks that the form sent the browser on.</summary>
    public static async Task SignInAsync(HttpClient client, string userName, string password)
    {
        var response = await PostAsync(client, userName, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>The antiforgery token of the first form on the page (the client keeps the cookie that goes with it).</summary>
    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string url)
    {
        var html = await client.GetStringAsync(url);
        var match = TokenPattern().Match(html);
        Assert.True(match.Success, $"No antiforgery token on {url}");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>Where a redirect leads, as path and query, after checking it stays on this site.</summary>
    public static string Target(HttpResponseMessage response)
    {
        var location = response.Headers.Location;
        Assert.NotNull(location);
        if (!location.IsAbsoluteUri) return location.OriginalString;
        Assert.Equal("localhost", location.Host);
        return location.PathAndQuery;
    }

    /// <summary>The page as text a person reads (the app writes Persian as HTML character references).</summary>
    public static async Task<string> TextAsync(HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
