using SlaAdmin.Auth;
using SlaAdmin.Components;
using SlaAdmin.Data;
using SlaAdmin.Features;
using SlaAdmin.Features.Agreements.Workbook;
using SlaAdmin.Features.Agreements.Exports;
using SlaAdmin.Features.Catalogue;
using SlaAdmin.Hosting;

// The backup scripts' integrity check of a SQLite file, with the app's collations (Data/SqliteIntegrity.cs).
if (args is [SqliteIntegrity.Verb, var databaseFile]) return await SqliteIntegrity.CheckAsync(databaseFile);

var builder = WebApplication.CreateBuilder(args);

builder.AddSlaObservability();
builder.AddSlaEdge();
builder.AddSlaData();
builder.AddSlaAuth();
builder.AddSlaUi();
builder.AddSlaFeatures();

var app = builder.Build();

app.UseSlaEdge();

if (app.Environment.IsDevelopment())
{
    app.UseMigrationsEndPoint();
}
else
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
    app.UseHsts();
}
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
// Explicitly after the status-code pages, so the re-executed «not found» request is authorised too.
app.UseAuthentication();
app.UseAuthorization();
// Sign-in attempts per client address (Auth/SignInRateLimit.cs) and big exports at once (Hosting/ExportConcurrency.cs):
// after authorization, so that only those allowed to export count, and someone signed out is sent to sign in, busy or not.
app.UseRateLimiter();
app.UseAntiforgery();

app.MapStaticAssets().AllowAnonymous();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.MapAccountEndpoints();
app.MapSlaHealth();
app.MapAgreementWorkbook();
app.MapSlaExports();

await app.InitializeDatabaseAsync(thenSeed: app.SeedAccountsAsync);
await app.RunAsync();
return 0;

/// <summary>Entry point, public so integration tests can host it.</summary>
public partial class Program;
