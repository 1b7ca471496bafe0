using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SlaAdmin.Auth;
using SlaAdmin.Data.Entities;
using SlaAdmin.Features.Agreements;
using SlaAdmin.Tests.TestSupport;

namespace SlaAdmin.Tests.Features.Agreements;

public class ObligationChecksTests : PageTestContext
{
    private const string Person = "کارشناس آزمون";

    // Roles as the token carries them (the shared base's Entra mode of AccessCheck): the role checks against
    // the database have their own tests; here the page's part is what is shown and to whom.

    private Checklist Checklist => Services.GetRequiredService<Checklist>();

    private async Task<(int AgreementId, AgreementContent Content)> CertificateAsync()
    {
        await SeedAsync();
        var id = AgreementId(Seeded.Certificate);
        var view = await Services.GetRequiredService<AgreementStore>().LoadAsync(id);
        return (id, view!.Content);
    }

    private async Task<IRenderedComponent<ObligationsSection>> RenderSectionAsync(int agreementId, AgreementContent content)
    {
        var checks = await Checklist.LatestAsync(agreementId);
        return RenderPage<ObligationsSection>(p => p.Add(x => x.Content, content).Add(x => x.AgreementId, agreementId).Add(x => x.Checks, checks));
    }

    private static ClaimsPrincipal Administrator() =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, Person), new Claim(ClaimTypes.Role, Roles.Administrator)], "test"));

    [Fact]
    public async Task An_obligation_never_checked_shows_no_state()
    {
        Authorization.SetRoles(Roles.Administrator);
        var (id, content) = await CertificateAsync();

        var section = await RenderSectionAsync(id, content);

        Assert.Equal(14, section.FindAll("[data-testid=obligation]").Count);
        Assert.Empty(section.FindAll("[data-testid=check-state]"));
        Assert.DoesNotContain("انجام شده", section.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_checked_obligation_shows_its_state_note_who_and_the_jalali_date()
    {
        var (id, content) = await CertificateAsync();
        var first = content.ObligationsOf(ObligationSide.Provider).First();
        var (succeeded, message) = await Checklist.CheckAsync(id, first.Clause, CheckState.Met, "در بازدید دی ۱۴۰۳", Administrator());
        Assert.True(succeeded, message);

        var section = await RenderSectionAsync(id, content);

        var items = section.FindAll("[data-testid=obligation]");
        var check = items[0].QuerySelector("[data-testid=obligation-check]")!;
        Assert.Equal("انجام شده", check.QuerySelector("[data-testid=check-state]")!.TextContent.Trim());
        Assert.Equal("در بازدید دی ۱۴۰۳", check.QuerySelector("[data-testid=check-note]")!.TextContent.Trim());
        // 09:00 UTC on 31 December 2024 is 12:30 on 1403/10/11 in Tehran.
        Assert.Equal($"{Person}، ۱۴۰۳/۱۰/۱۱ ساعت ۱۲:۳۰", check.QuerySelector("[data-testid=check-by]")!.TextContent.Trim());
        Assert.All(items.Skip(1), li => Assert.Null(li.QuerySelector("[data-testid=check-state]")));
    }

    [Fact]
    public async Task A_viewer_sees_the_states_but_no_check_menu()
    {
        var (id, content) = await CertificateAsync();
        var first = content.ObligationsOf(ObligationSide.Provider).First();
        await Checklist.CheckAsync(id, first.Clause, CheckState.NotApplicable, null, Administrator());

        var section = await RenderSectionAsync(id, content);

        Assert.Empty(section.FindAll("[data-testid=check-menu]"));
        Assert.Equal("موضوعیت ندارد", section.Find("[data-testid=check-state]").TextContent.Trim());
        Assert.Single(section.FindAll("[data-testid=obligation-check]"));
    }

    [Fact]
    public async Task An_administrator_records_a_check_with_a_note_through_the_menu()
    {
        Authorization.SetRoles(Roles.Administrator);
        var (id, content) = await CertificateAsync();
        var section = await RenderSectionAsync(id, content);
        var second = content.ObligationsOf(ObligationSide.Provider).ElementAt(1);

        section.FindAll("button[data-testid=check-menu]")[1].Click();
        section.WaitForElement("[data-testid=check-NotMet]").Click();
        section.WaitForElement("input[data-testid=check-note-field]").Change("مدارک اضافه خواسته شد");
        section.Find("[data-testid=check-save]").Click();

        section.WaitForAssertion(() =>
        {
            var check = section.FindAll("[data-testid=obligation]")[1];
            Assert.Equal("انجام نشده", check.QuerySelector("[data-testid=check-state]")?.TextContent.Trim());
            Assert.Equal("مدارک اضافه خواسته شد", check.QuerySelector("[data-testid=check-note]")?.TextContent.Trim());
        });
        var stored = (await Checklist.LatestAsync(id))[second.Clause];
        Assert.Equal((CheckState.NotMet, "مدارک اضافه خواسته شد", Person), (stored.State, stored.Note, stored.By));
    }

    [Fact]
    public async Task A_refused_check_shows_the_servers_persian_reason()
    {
        Authorization.SetRoles(Roles.Administrator);
        var (id, _) = await CertificateAsync();
        // A clause the version in force does not have.
        var checks = RenderPage<ObligationChecks>(p => p.Add(x => x.AgreementId, id).Add(x => x.ClauseId, Guid.NewGuid()));

        checks.Find("button[data-testid=check-menu]").Click();
        checks.WaitForElement("[data-testid=check-Met]").Click();
        checks.WaitForElement("[data-testid=check-save]").Click();

        checks.WaitForAssertion(() =>
            Assert.Equal("این تعهد در نسخه در حال اجرا نیست.", checks.Find("[data-testid=check-refused]").TextContent.Trim()));
        Assert.Empty(checks.FindAll("[data-testid=check-state]"));
    }

    [Fact]
    public async Task Without_states_the_section_shows_no_checklist_at_all()
    {
        Authorization.SetRoles(Roles.Administrator);
        var (_, content) = await CertificateAsync();

        var section = RenderPage<ObligationsSection>(p => p.Add(x => x.Content, content));

        Assert.Empty(section.FindAll("[data-testid=obligation-check]"));
    }
}
