using SlaAdmin.Features.AgreementWorkbook;
using SlaAdmin.Features.Agreements;

namespace SlaAdmin.Features;

public static class FeatureSetup
{
    /// <summary>The feature services pages and endpoints use; each opens its own context per operation.</summary>
    public static WebApplicationBuilder AddSlaFeatures(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<AgreementStore>();
        builder.Services.AddScoped<AgreementWorkbookImporter>();
        builder.Services.AddSingleton<PendingImports>();
        return builder;
    }
}
