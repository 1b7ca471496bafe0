using SlaAdmin.Features.Agreements.Workbook;
using SlaAdmin.Features.Agreements;
using SlaAdmin.Features.Catalogue;
using SlaAdmin.Features.Agreements.Exports;
using SlaAdmin.Features.Home;

namespace SlaAdmin.Features;

public static class FeatureSetup
{
    /// <summary>The feature services pages and endpoints use; each opens its own context per operation.</summary>
    public static WebApplicationBuilder AddSlaFeatures(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<AgreementStore>();
        builder.Services.AddScoped<AgreementLifecycle>();
        builder.Services.AddScoped<AgreementEditor>();
        builder.Services.AddScoped<Checklist>();
        builder.Services.AddScoped<Review.LegalReview>();
        builder.Services.AddScoped<Review.ReviewComments>();
        builder.Services.AddScoped<Review.ClauseLibrary>();
        builder.Services.AddScoped<Review.ReviewQueue>();
        builder.Services.AddScoped<CatalogueService>();
        builder.Services.AddScoped<ServiceEditor>();
        builder.Services.AddScoped<History.HistoryLog>();
        builder.Services.AddScoped<HomeStats>();
        builder.Services.AddScoped<AgreementWorkbookImporter>();
        builder.Services.AddScoped<PendingImports>();
        builder.Services.AddScoped<CatalogueExport>();
        builder.Services.AddScoped<DataRegisterExport>();
        builder.Services.AddScoped<ObligationsExport>();
        return builder;
    }
}
