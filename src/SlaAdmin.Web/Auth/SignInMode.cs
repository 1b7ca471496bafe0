namespace SlaAdmin.Auth;

/// <summary>
/// Which sign-in the app uses, decided once from configuration: Microsoft Entra ID when
/// <c>AzureAd:ClientId</c> is set, local Identity accounts otherwise.
/// </summary>
public sealed record SignInMode(bool UsesEntra)
{
    public const string EntraSection = "AzureAd";

    public static SignInMode From(IConfiguration configuration) =>
        new(!string.IsNullOrWhiteSpace(configuration[$"{EntraSection}:ClientId"]));
}
