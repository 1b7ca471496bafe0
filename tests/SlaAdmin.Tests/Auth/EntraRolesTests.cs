using System.Security.Claims;
using SlaAdmin.Auth;

namespace SlaAdmin.Tests.Auth;

public sealed class EntraRolesTests
{
    private static ClaimsPrincipal FromEntra(string roleClaimType, params string[] appRoles)
    {
        var claims = new List<Claim> { new("name", "Sara Ahmadi"), new("oid", "0f1e") };
        claims.AddRange(appRoles.Select(r => new Claim(roleClaimType, r)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "AuthenticationTypes.Federation", "name", roleClaimType));
    }

    [Fact]
    public void App_role_in_the_roles_claim_becomes_a_role_that_policies_see()
    {
        var mapped = EntraRoles.Map(FromEntra("roles", "LegalReviewer"));

        Assert.True(mapped.IsInRole(Roles.LegalReviewer));
        Assert.Equal([Roles.LegalReviewer], mapped.FindAll(ClaimTypes.Role).Select(c => c.Value));
        Assert.Empty(mapped.FindAll("roles"));
    }

    [Fact]
    public void App_role_that_is_not_ours_is_dropped()
    {
        var mapped = EntraRoles.Map(FromEntra("roles", "Owner", "Viewer", "Global.Admin"));

        Assert.Equal([Roles.Viewer], mapped.FindAll(ClaimTypes.Role).Select(c => c.Value));
        Assert.False(mapped.IsInRole("Owner"));
    }

    [Fact]
    public void App_role_spelled_in_another_case_is_written_as_ours()
    {
        var mapped = EntraRoles.Map(FromEntra("roles", "administrator"));

        Assert.True(mapped.IsInRole(Roles.Administrator));
        Assert.Equal(Roles.Administrator, mapped.FindFirst(ClaimTypes.Role)!.Value);
    }

    [Fact]
    public void Roles_already_mapped_to_the_long_claim_type_by_the_token_handler_are_kept_and_filtered()
    {
        var mapped = EntraRoles.Map(FromEntra(ClaimTypes.Role, "Administrator", "Owner"));

        Assert.Equal([Roles.Administrator], mapped.FindAll(ClaimTypes.Role).Select(c => c.Value));
    }

    [Fact]
    public void No_app_role_means_no_role_but_the_person_stays_signed_in_with_their_name()
    {
        var mapped = EntraRoles.Map(FromEntra("roles"));

        Assert.True(mapped.Identity!.IsAuthenticated);
        Assert.Equal("Sara Ahmadi", mapped.Identity.Name);
        Assert.Equal("0f1e", mapped.FindFirst("oid")!.Value);
        Assert.Empty(mapped.FindAll(ClaimTypes.Role));
    }
}
