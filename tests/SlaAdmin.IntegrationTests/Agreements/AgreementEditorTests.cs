using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SlaAdmin.Auth;
using SlaAdmin.Data.Entities;
using SlaAdmin.Features.Agreements;
using SlaAdmin.Features.Catalogue;
using SlaAdmin.Features.History;

namespace SlaAdmin.IntegrationTests.Agreements;

/// <summary>Editing the working version and checking off obligations through the real services, a context per call.</summary>
public sealed class AgreementEditorTests : IDisposable
{
    private const string CertificateTitle = "صدور گواهی احراز اصالت و سلامت اداری";
    private readonly SlaAppFactory _app = new();
    private IServiceProvider _services = null!;

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_new_agreement_starts_from_the_template_with_the_names_filled_in()
    {
        var admin = await UserAsync(Roles.Administrator);
        var provider = await IdAsync(db => db.Organizations.Where(o => o.Name == "سازمان فناوری اطلاعات ایران").Select(o => o.Id));
        var service = await Get<ServiceEditor>().CreateAsync(new ServiceForm { Title = "ثبت نام آزمون ملی", ProviderId = provider }, admin);

        var (agreementId, message) = await Get<AgreementEditor>().CreateFromTemplateAsync(service.ServiceId!.Value, admin);

        Assert.NotNull(agreementId);
        var draft = (await Get<AgreementEditor>().LoadWorkingAsync(agreementId.Value))!;
        Assert.Equal(1, draft.Number);
        Assert.Equal(AgreementStatus.Draft, draft.Status);
        Assert.Null(draft.InForceNumber);
        Assert.Equal(9, draft.Content.ClauseCount);
        Assert.Contains("ثبت نام آزمون ملی", draft.Content.SectionOf(SectionKind.Objective)!.Body, StringComparison.Ordinal);
        Assert.Contains("سازمان فناوری اطلاعات ایران", draft.Content.SectionOf(SectionKind.Introduction)!.Body, StringComparison.Ordinal);
        Assert.Equal(9, draft.Content.ObligationsOf(ObligationSide.Provider).Count());
        Assert.Equal("24×7", draft.Content.Obligations.Single(o => o.Target is not null).Target);
        Assert.Null(draft.Content.IsFree);
        var view = await Get<AgreementStore>().LoadAsync(agreementId.Value);
        Assert.Null(view!.InForceNumber);
    }

    [Fact]
    public async Task Saving_a_draft_records_each_change_and_never_touches_the_version_in_force()
    {
        var admin = await UserAsync(Roles.Administrator);
        var agreementId = await CertificateAgreementIdAsync();
        await Get<AgreementLifecycle>().StartDraftAsync(agreementId, admin);
        var draft = (await Get<AgreementEditor>().LoadWorkingAsync(agreementId))!;
        var first = draft.Content.ObligationsOf(ObligationSide.Provider).First();
        var edited = draft.Content with
        {
            Obligations = [.. draft.Content.Obligations.Select(o => o.Clause == first.Clause ? o with { Text = "سازمان متعهد می‌شود ظرف ۷۲ ساعت پاسخ دهد.", Target = "72 ساعت" } : o)],
        };

        var saved = await Get<AgreementEditor>().SaveAsync(agreementId, draft.Content, draft.Stamp, edited, admin);

        Assert.True(saved.Succeeded, saved.Message);
        var inForce = (await Get<AgreementStore>().LoadAsync(agreementId))!;
        Assert.Equal(1, inForce.Version.Number);
        Assert.Equal(first.Text, inForce.Content.ObligationsOf(ObligationSide.Provider).First().Text);
        var history = await Get<HistoryLog>().ForAgreementAsync(agreementId);
        var row = Assert.Single(history, h => h.Subject == ChangeSubject.AgreementVersion && h.VersionNumber == 2);
        Assert.Equal("تعهد سازمان، ردیف ۱", row.Field);
        Assert.Contains("۷۲ ساعت", row.NewValue, StringComparison.Ordinal);
        Assert.Equal(admin.Identity!.Name, row.By);
    }

    [Fact]
    public async Task The_second_save_of_a_draft_shows_the_other_change_and_reapplying_keeps_both()
    {
        var admin = await UserAsync(Roles.Administrator);
        var agreementId = await CertificateAgreementIdAsync();
        await Get<AgreementLifecycle>().StartDraftAsync(agreementId, admin);
        var opened = (await Get<AgreementEditor>().LoadWorkingAsync(agreementId))!;

        var theirs = opened.Content with { Signatory = "معاون توسعه دولت هوشمند" };
        Assert.True((await Get<AgreementEditor>().SaveAsync(agreementId, opened.Content, opened.Stamp, theirs, admin)).Succeeded);

        var mine = opened.Content with { ValidityText = "تا پایان سال ۱۴۰۶" };
        var refused = await Get<AgreementEditor>().SaveAsync(agreementId, opened.Content, opened.Stamp, mine, admin);

        Assert.False(refused.Succeeded);
        var change = Assert.Single(refused.Conflict!.TheirChanges);
        Assert.Equal("امضاکننده", change.Field);
        Assert.Equal("معاون توسعه دولت هوشمند", change.After);

        var merged = mine.ReapplyOnto(opened.Content, refused.Conflict.Current);
        Assert.True((await Get<AgreementEditor>().SaveAsync(agreementId, refused.Conflict.Current, refused.Conflict.CurrentStamp, merged, admin)).Succeeded);
        var now = (await Get<AgreementEditor>().LoadWorkingAsync(agreementId))!.Content;
        Assert.Equal("معاون توسعه دولت هوشمند", now.Signatory);
        Assert.Equal("تا پایان سال ۱۴۰۶", now.ValidityText);
    }

    [Fact]
    public async Task Rows_without_their_section_are_refused_and_nothing_is_saved()
    {
        var admin = await UserAsync(Roles.Administrator);
        var agreementId = await CertificateAgreementIdAsync();
        await Get<AgreementLifecycle>().StartDraftAsync(agreementId, admin);
        var opened = (await Get<AgreementEditor>().LoadWorkingAsync(agreementId))!;
        var withoutData = opened.Content with { Sections = [.. opened.Content.Sections.Where(s => s.Kind != SectionKind.Data)] };

        var refused = await Get<AgreementEditor>().SaveAsync(agreementId, opened.Content, opened.Stamp, withoutData, admin);

        Assert.False(refused.Succeeded);
        Assert.Contains(refused.Problems!, p => p.Message.Contains("داده‌های مرتبط با خدمت", StringComparison.Ordinal));
        Assert.Equal(opened.Content, (await Get<AgreementEditor>().LoadWorkingAsync(agreementId))!.Content);
    }

    [Fact]
    public async Task A_check_follows_an_unchanged_obligation_into_the_next_version()
    {
        var admin = await UserAsync(Roles.Administrator);
        var agreementId = await CertificateAgreementIdAsync();
        var inForce = (await Get<AgreementStore>().LoadAsync(agreementId))!.Content;
        var (first, second) = (inForce.Obligations[0], inForce.Obligations[1]);

        Assert.True((await Get<Checklist>().CheckAsync(agreementId, first.Clause, CheckState.Met, "در بازدید مهر ۱۴۰۵", admin)).Succeeded);
        Assert.True((await Get<Checklist>().CheckAsync(agreementId, second.Clause, CheckState.NotMet, null, admin)).Succeeded);
        var draft = await Get<AgreementLifecycle>().StartDraftAsync(agreementId, admin);
        var approved = await AgreementLifecycleTests.ApproveAsync(_app, agreementId, draft.Stamp!.Value, admin);
        Assert.True((await Get<AgreementLifecycle>().PublishAsync(agreementId, approved, admin)).Succeeded);

        var version2 = (await Get<AgreementStore>().LoadAsync(agreementId))!;
        Assert.Equal(2, version2.Version.Number);
        var states = await Get<Checklist>().LatestAsync(agreementId);
        Assert.Equal(CheckState.Met, states[version2.Content.Obligations[0].Clause].State);
        Assert.Equal("در بازدید مهر ۱۴۰۵", states[version2.Content.Obligations[0].Clause].Note);
        Assert.Equal(CheckState.NotMet, states[version2.Content.Obligations[1].Clause].State);
        Assert.Contains(await Get<HistoryLog>().ForAgreementAsync(agreementId), h => h.Subject == ChangeSubject.Checklist && h.NewValue!.StartsWith("انجام شده", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(Roles.LegalReviewer)]
    [InlineData(Roles.Viewer)]
    public async Task Only_an_administrator_creates_saves_or_checks(string role)
    {
        var admin = await UserAsync(Roles.Administrator);
        var user = await UserAsync(role);
        var agreementId = await CertificateAgreementIdAsync();
        await Get<AgreementLifecycle>().StartDraftAsync(agreementId, admin);
        var opened = (await Get<AgreementEditor>().LoadWorkingAsync(agreementId))!;
        var serviceId = await IdAsync(db => db.Services.Where(s => s.Title == CertificateTitle).Select(s => s.Id));

        Assert.Null((await Get<AgreementEditor>().CreateFromTemplateAsync(serviceId, user)).AgreementId);
        Assert.False((await Get<AgreementEditor>().SaveAsync(agreementId, opened.Content, opened.Stamp, opened.Content with { Signatory = "جعلی" }, user)).Succeeded);
        Assert.False((await Get<Checklist>().CheckAsync(agreementId, opened.Content.Obligations[0].Clause, CheckState.Met, null, user)).Succeeded);
        Assert.NotEqual("جعلی", (await Get<AgreementEditor>().LoadWorkingAsync(agreementId))!.Content.Signatory);
        Assert.Empty(await Get<Checklist>().LatestAsync(agreementId));
    }

    private T Get<T>() where T : notnull
    {
        _ = _app.Server;
        _services ??= _app.Services.CreateScope().ServiceProvider;
        return _services.GetRequiredService<T>();
    }

    private Task<ClaimsPrincipal> UserAsync(string role)
    {
        _ = Get<AgreementStore>();
        return TestAuth.PrincipalAsync(_services, role);
    }

    private async Task<int> IdAsync(Func<SlaAdmin.Data.SlaDbContext, IQueryable<int>> query)
    {
        await using var db = _app.CreateDbContext();
        return await query(db).SingleAsync();
    }

    private Task<int> CertificateAgreementIdAsync() => IdAsync(db => db.Agreements.Where(a => a.EService.Title == CertificateTitle).Select(a => a.Id));
}
