using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using SlaAdmin.Auth;

namespace SlaAdmin.Tests.Auth;

public sealed class PoliciesTests
{
    private static async Task<bool> AllowedAsync(string policy, params string[] roles)
    {
        await using var host = AuthHost.Configure();
        var claims = roles.Select(r => new Claim(ClaimTypes.Role, r));
        var user = new ClaimsPrincipal(new ClaimsIdentity(claims, "Test"));
        var result = await host.Services.GetRequiredService<IAuthorizationService>().AuthorizeAsync(user, policy);
        return result.Succeeded;
    }

    [Theory]
    [InlineData(Policies.CanRead, Roles.Viewer, true)]
    [InlineData(Policies.CanRead, Roles.LegalReviewer, true)]
    [InlineData(Policies.CanRead, Roles.Administrator, true)]
    [InlineData(Policies.CanEdit, Roles.Viewer, false)]
    [InlineData(Policies.CanEdit, Roles.LegalReviewer, false)]
    [InlineData(Policies.CanEdit, Roles.Administrator, true)]
    [InlineData(Policies.CanReview, Roles.Viewer, false)]
    [InlineData(Policies.CanReview, Roles.LegalReviewer, true)]
    [InlineData(Policies.CanReview, Roles.Administrator, true)]
    [InlineData(Policies.ManageUsers, Roles.Viewer, false)]
    [InlineData(Policies.ManageUsers, Roles.LegalReviewer, false)]
    [InlineData(Policies.ManageUsers, Roles.Administrator, true)]
    public async Task Each_policy_admits_exactly_its_roles(string policy, string role, bool allowed)
    {
        Assert.Equal(allowed, await AllowedAsync(policy, role));
    }

    [Fact]
    public async Task Signed_in_person_without_any_of_our_roles_cannot_even_read()
    {
        Assert.False(await AllowedAsync(Policies.CanRead));
    }

    [Fact]
    public async Task Anonymous_visitor_fails_the_fallback_policy()
    {
        await using var host = AuthHost.Configure();
        var fallback = await host.Services.GetRequiredService<IAuthorizationPolicyProvider>().GetFallbackPolicyAsync();
        var anonymous = new ClaimsPrincipal(new ClaimsIdentity());

        var result = await host.Services.GetRequiredService<IAuthorizationService>().AuthorizeAsync(anonymous, fallback!);

        Assert.False(result.Succeeded);
    }
}
