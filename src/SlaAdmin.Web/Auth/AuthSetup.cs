using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Identity.Web;
using SlaAdmin.Components.Account;
using SlaAdmin.Data;
using SlaAdmin.Features.Users;

namespace SlaAdmin.Auth;

public static class AuthSetup
{
    public const string LoginPath = "/Account/Login";
    public const string LogoutPath = "/Account/Logout";
    public const string AccessDeniedPath = "/Account/AccessDenied";

    /// <summary>
    /// Local Identity accounts, or Microsoft Entra ID when <c>AzureAd:ClientId</c> is configured
    /// (see docs/decisions/0002-sign-in.md). Either way the signed-in user lives in the cookie scheme
    /// <see cref="IdentityConstants.ApplicationScheme"/> and carries <see cref="Roles"/> as role claims.
    /// </summary>
    public static WebApplicationBuilder AddSlaAuth(this WebApplicationBuilder builder)
    {
        var mode = SignInMode.From(builder.Configuration);
        var services = builder.Services;
        services.AddSingleton(mode);
        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();

        // The store holds the roles in both modes and the local accounts when Entra is off.
        services.AddIdentityCore<ApplicationUser>(options =>
            {
                options.SignIn.RequireConfirmedAccount = false;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<SlaDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<PersianIdentityErrorDescriber>();

        var authentication = services.AddAuthentication(options =>
        {
            options.DefaultScheme = IdentityConstants.ApplicationScheme;
            options.DefaultChallengeScheme = IdentityConstants.ApplicationScheme;
            options.DefaultSignInScheme = mode.UsesEntra ? IdentityConstants.ApplicationScheme : IdentityConstants.ExternalScheme;
        });

        if (mode.UsesEntra)
        {
            AddEntra(builder, authentication);
        }
        else
        {
            authentication.AddIdentityCookies();
            services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        }

        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = LoginPath;
            options.LogoutPath = LogoutPath;
            options.AccessDeniedPath = AccessDeniedPath;
        });

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.CanRead, p => p.RequireRole(Roles.All))
            .AddPolicy(Policies.CanEdit, p => p.RequireRole(Roles.Administrator))
            .AddPolicy(Policies.CanReview, p => p.RequireRole(Roles.Administrator, Roles.LegalReviewer))
            .AddPolicy(Policies.ManageUsers, p => p.RequireRole(Roles.Administrator));

        // Every request checks the cookie's security stamp against the database and rebuilds its roles
        // from there, so a sign-out or a role change ends the person's other sessions at once (one
        // indexed read per request; see docs/decisions/0005-sign-in-hardening.md).
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
        services.AddScoped<AccessCheck>();
        services.AddScoped<PasswordSignIn>();
        services.AddSignInRateLimit(builder.Configuration);
        services.AddScoped<UserAdmin>();
        return builder;
    }

    private static void AddEntra(WebApplicationBuilder builder, AuthenticationBuilder authentication)
    {
        // The cookie keeps Identity's scheme name so that everything downstream (the challenge that
        // leads to /Account/Login, sign-out, the tests' scheme selector) is the same in both modes.
        authentication.AddMicrosoftIdentityWebApp(
            builder.Configuration.GetSection(SignInMode.EntraSection),
            OpenIdConnectDefaults.AuthenticationScheme,
            IdentityConstants.ApplicationScheme);

        builder.Services.Configure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, options =>
        {
            var earlier = options.Events.OnTokenValidated;
            options.Events.OnTokenValidated = async context =>
            {
                await earlier(context);
                if (context.Principal is not null)
                {
                    context.Principal = EntraRoles.Map(context.Principal);
                }
            };
        });
    }
}
