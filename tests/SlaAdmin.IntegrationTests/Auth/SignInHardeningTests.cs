using System.Net;
using System.Text.RegularExpressions;
using SlaAdmin.Auth;
using SlaAdmin.Components.Account.Pages;

namespace SlaAdmin.IntegrationTests.Auth;

/// <summary>Sign-in that reveals nothing, is limited per address, and cannot keep the owner out.</summary>
public sealed partial class SignInHardeningTests : IDisposable
{
    private readonly SlaAppFactory _app = new()
    {
        Environment = "Development",
        Settings = { ["SignIn:RateLimit:PermitLimit"] = "20" },
    };

    [Fact]
    public async Task A_persian_return_address_is_followed_after_sign_in_instead_of_failing()
    {
        const string wanted = "/catalogue?q=گواهی سلامت";

        var posted = await SignInForm.PostAsync(_app.CreateClient(role: null), "viewer", "Viewer#1403", returnUrl: wanted);

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal(wanted, Uri.UnescapeDataString(SignInForm.Target(posted)));
    }

    [Fact]
    public async Task Unknown_names_wrong_passwords_and_locked_accounts_get_the_same_page()
    {
        var known = await SixWrongAttemptsAsync("viewer");
        var unknown = await SixWrongAttemptsAsync("nobody");

        Assert.Equal(known.Select(a => a.Status), unknown.Select(a => a.Status));
        Assert.All(known.Concat(unknown), a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.Equal(known.Select(a => a.Page), unknown.Select(a => a.Page));
        Assert.Contains(Login.WrongCredentials, known[^1].Page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_locked_account_opens_to_its_password_only_in_a_browser_it_signed_in_from_before()
    {
        var owners = _app.CreateClient(role: null);
        await SignInForm.SignInAsync(owners, "legal", "Legal#1403");
        var guessers = _app.CreateClient(role: null);
        for (var i = 1; i <= 5; i++) await SignInForm.PostAsync(guessers, "legal", $"Guess#{i}");

        var guesserWithThePassword = await SignInForm.PostAsync(guessers, "legal", "Legal#1403");
        var ownerAgain = await SignInForm.PostAsync(owners, "legal", "Legal#1403");
        var ownerWrong = await SignInForm.PostAsync(owners, "legal", "Wrong#1403");

        Assert.Equal(HttpStatusCode.OK, guesserWithThePassword.StatusCode);
        Assert.Contains(Login.WrongCredentials, await SignInForm.TextAsync(guesserWithThePassword), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, ownerAgain.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ownerWrong.StatusCode);
    }

    [Fact]
    public async Task Too_many_sign_in_attempts_from_one_address_answer_429_in_persian()
    {
        using var limited = new SlaAppFactory { Environment = "Development", Settings = { ["SignIn:RateLimit:PermitLimit"] = "3" } };
        var client = limited.CreateClient(role: null);

        var answers = new List<HttpResponseMessage>();
        for (var i = 1; i <= 4; i++) answers.Add(await SignInForm.PostAsync(client, "nobody", $"Wrong#{i}"));
        var page = await client.GetAsync("/Account/Login");

        Assert.All(answers.Take(3), a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[3].StatusCode);
        Assert.Contains(SignInRateLimit.TooManyAttempts, await answers[3].Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(answers[3].Headers.Contains("Retry-After"));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode); // reading the form is not limited
    }

    private async Task<List<(HttpStatusCode Status, string Page)>> SixWrongAttemptsAsync(string userName)
    {
        var client = _app.CreateClient(role: null);
        var answers = new List<(HttpStatusCode, string)>();
        for (var i = 1; i <= 6; i++)
        {
            var response = await SignInForm.PostAsync(client, userName, $"Wrong#{i}");
            // The page echoes the typed name and carries a fresh token, nonce and encrypted state; nothing else may differ.
            var page = Fresh().Replace(await SignInForm.TextAsync(response), "fresh").Replace(userName, "NAME", StringComparison.Ordinal);
            answers.Add((response.StatusCode, page));
        }
        return answers;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"[^\"]+\"|nonce=\"[^\"]+\"|<!--Blazor-Server-Component-State:[^>]*-->")]
    private static partial Regex Fresh();

    public void Dispose() => _app.Dispose();
}
