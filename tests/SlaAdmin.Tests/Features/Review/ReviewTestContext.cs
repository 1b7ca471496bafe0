using System.Security.Claims;
using Bunit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SlaAdmin.Auth;
using SlaAdmin.Data.Entities;
using SlaAdmin.Features.Agreements;
using SlaAdmin.Features.Review;
using SlaAdmin.Tests.TestSupport;

namespace SlaAdmin.Tests.Features.Review;

/// <summary>The page base with the review services, a dialog provider, and helpers to arrange threads and steps.</summary>
public abstract class ReviewTestContext : PageTestContext
{
    protected const string UserName = "کارشناس آزمون";

    protected ReviewTestContext()
    {
        Services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        Services.AddScoped<ReviewComments>();
        Services.AddScoped<AgreementLifecycle>();
    }

    private IRenderedComponent<MudDialogProvider>? dialogs;

    /// <summary>Where the page's dialogs render, once a page has been rendered.</summary>
    protected IRenderedComponent<MudDialogProvider> Dialogs => dialogs ?? throw new InvalidOperationException("Render a page first.");

    /// <summary>Signs in with one role, both for the page and for the AuthorizeView policies it uses.</summary>
    protected void SignInAs(string role)
    {
        Authorization.SetRoles(role);
        if (role is Roles.Administrator or Roles.LegalReviewer) Authorization.SetPolicies(Policies.CanReview);
    }

    protected IRenderedComponent<ReviewPage> RenderReview(int agreementId)
    {
        var page = RenderPage<ReviewPage>(p => p.Add(x => x.Id, agreementId));
        dialogs ??= Render<MudDialogProvider>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=version-status]")));
        return page;
    }

    protected static ClaimsPrincipal Principal(string role, string name = UserName) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, role)], "test"));

    /// <summary>The clause of the working version's first provider obligation.</summary>
    protected async Task<Clause> FirstProviderObligationAsync(int agreementId, int number)
    {
        var view = await Services.GetRequiredService<AgreementStore>().LoadAsync(agreementId, number);
        var id = view!.Content.ObligationsOf(ObligationSide.Provider).First().Clause;
        return Clauses.Of(view.Content).Single(c => c.Id == id);
    }

    /// <summary>Records a step as the services do, at a chosen time.</summary>
    protected async Task RecordStepAsync(int agreementId, int number, AgreementStatus from, AgreementStatus to, DateTimeOffset at, string by = "مدیر آزمون")
    {
        await using var db = NewDbContext();
        var versionId = db.AgreementVersions.Single(v => v.AgreementId == agreementId && v.Number == number).Id;
        db.Transitions.Add(new VersionTransition { AgreementVersionId = versionId, From = from, To = to, By = by, At = at });
        await db.SaveChangesAsync();
    }
}
