using System.Security.Claims;

namespace SlaAdmin.Auth;

/// <summary>Turns the app roles in an Entra ID token into this app's role claims.</summary>
public static class EntraRoles
{
    /// <summary>The claim type Entra uses for app roles in ID tokens.</summary>
    public const string EntraRoleClaimType = "roles";

    /// <summary>
    /// A principal whose identity has one <see cref="ClaimTypes.Role"/> claim per app role that is
    /// one of <see cref="Roles.All"/> (spelled as ours), whatever claim type the token handler left
    /// them under; other app role values are dropped so they can never satisfy a policy.
    /// </summary>
    public static ClaimsPrincipal Map(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var source = principal.Identities.FirstOrDefault(i => i.IsAuthenticated) ?? principal.Identities.First();

        var roles = source.Claims
            .Where(IsRoleClaim)
            .Select(c => Roles.Find(c.Value))
            .OfType<string>()
            .Distinct()
            .ToList();

        var mapped = new ClaimsIdentity(
            source.Claims.Where(c => !IsRoleClaim(c)),
            source.AuthenticationType,
            source.NameClaimType,
            ClaimTypes.Role);
        mapped.AddClaims(roles.Select(r => new Claim(ClaimTypes.Role, r)));
        return new ClaimsPrincipal(mapped);

        bool IsRoleClaim(Claim c) =>
            c.Type is EntraRoleClaimType or ClaimTypes.Role || c.Type == source.RoleClaimType;
    }
}
