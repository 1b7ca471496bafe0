using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SlaAdmin.Auth;
using SlaAdmin.Data.Entities;
using SlaAdmin.Features.Catalogue;
using SlaAdmin.Features.History;

namespace SlaAdmin.IntegrationTests.Catalogue;

/// <summary>Creating, editing and retiring catalogue entries through the real service, a context per call.</summary>
public sealed class ServiceEditorTests : IDisposable
{
    private readonly SlaAppFactory _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_service_created_with_a_persian_identifier_is_found_by_it_in_any_digits()
    {
        var (editor, admin) = await EditorAsync(Roles.Administrator);
        var providerId = await ProviderIdAsync();

        var created = await editor.CreateAsync(new ServiceForm { Title = "ثبت درخواست مجوز آزمایشی", NationalId = "۱۲۳۴۵۶۷۸۹۰۱", ProviderId = providerId }, admin);

        Assert.True(created.Succeeded, created.Message);
        await using var db = _app.CreateDbContext();
        Assert.Equal("12345678901", await db.Services.Where(s => s.Id == created.ServiceId).Select(s => s.NationalId).SingleAsync());
        var catalogue = _app.Services.CreateScope().ServiceProvider.GetRequiredService<CatalogueService>();
        var found = await catalogue.SearchAsync(new CatalogueFilter(Search: "١٢٣٤٥٦٧٨٩٠١"), 1, 25);
        Assert.Equal("ثبت درخواست مجوز آزمایشی", Assert.Single(found.Rows).Title);
    }

    [Theory]
    [InlineData("۱۲۳۴", "۱۱ رقم")]
    [InlineData("12345abc901", "بی حرف")]
    public async Task A_wrong_identifier_is_refused_next_to_its_field_and_nothing_is_saved(string typed, string expected)
    {
        var (editor, admin) = await EditorAsync(Roles.Administrator);

        var outcome = await editor.CreateAsync(new ServiceForm { Title = "خدمت نادرست", NationalId = typed, ProviderId = await ProviderIdAsync() }, admin);

        Assert.False(outcome.Succeeded);
        var error = Assert.Single(outcome.Errors!);
        Assert.Equal(nameof(ServiceForm.NationalId), error.Field);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        await using var db = _app.CreateDbContext();
        Assert.False(await db.Services.AnyAsync(s => s.Title == "خدمت نادرست"));
    }

    [Fact]
    public async Task A_taken_identifier_names_the_service_that_has_it()
    {
        var (editor, admin) = await EditorAsync(Roles.Administrator);
        var providerId = await ProviderIdAsync();
        await editor.CreateAsync(new ServiceForm { Title = "نخستین", NationalId = "11111111111", ProviderId = providerId }, admin);

        var second = await editor.CreateAsync(new ServiceForm { Title = "دومین", NationalId = "۱۱۱۱۱۱۱۱۱۱۱", ProviderId = providerId }, admin);

        Assert.Contains(second.Errors!, e => e.Field == nameof(ServiceForm.NationalId) && e.Message.Contains("«نخستین»", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_second_save_of_a_service_is_refused_with_what_the_other_person_changed_and_can_be_reapplied()
    {
        var (editor, admin) = await EditorAsync(Roles.Administrator);
        var id = await CertificateIdAsync();
        var (opened, stamp, _) = (await editor.LoadAsync(id))!.Value;

        var first = await editor.UpdateAsync(id, opened, stamp, opened with { Definition = "صدور گواهی برای نرم‌افزارهای اداری" }, admin);
        Assert.True(first.Succeeded, first.Message);

        var mine = opened with { ProviderUnit = "معاونت توسعه دولت هوشمند" };
        var refused = await editor.UpdateAsync(id, opened, stamp, mine, admin);

        Assert.False(refused.Succeeded);
        var conflict = refused.Conflict!;
        var theirs = Assert.Single(conflict.TheirChanges);
        Assert.Equal("تعریف خدمت", theirs.Field);
        Assert.Null(theirs.Before);
        Assert.Equal("صدور گواهی برای نرم‌افزارهای اداری", theirs.After);
        Assert.Equal(admin.Identity!.Name, conflict.By);

        var again = await editor.UpdateAsync(id, conflict.Current, conflict.CurrentStamp, mine.ReapplyOnto(opened, conflict.Current), admin);
        Assert.True(again.Succeeded, again.Message);
        var (saved, _, _) = (await editor.LoadAsync(id))!.Value;
        Assert.Equal("صدور گواهی برای نرم‌افزارهای اداری", saved.Definition);
        Assert.Equal("معاونت توسعه دولت هوشمند", saved.ProviderUnit);
    }

    [Fact]
    public async Task Every_change_is_in_the_history_with_who_and_the_old_and_new_values()
    {
        var (editor, admin) = await EditorAsync(Roles.Administrator);
        var id = await CertificateIdAsync();
        var (opened, stamp, _) = (await editor.LoadAsync(id))!.Value;

        await editor.UpdateAsync(id, opened, stamp, opened with { NationalId = "22222222222", Level = ServiceLevel.National }, admin);

        var history = await _app.Services.CreateScope().ServiceProvider.GetRequiredService<HistoryLog>().ForServiceAsync(id);
        Assert.Contains(history, h => h.Field == "شناسه ملی خدمت" && h.OldValue is null && h.NewValue == "۲۲۲۲۲۲۲۲۲۲۲" && h.By == admin.Identity!.Name);
        Assert.Contains(history, h => h.Field == "سطح خدمت" && h.OldValue is null && h.NewValue == "ملی");
    }

    [Fact]
    public async Task History_rows_cannot_be_changed_or_deleted()
    {
        var (editor, admin) = await EditorAsync(Roles.Administrator);
        var id = await CertificateIdAsync();
        var (opened, stamp, _) = (await editor.LoadAsync(id))!.Value;
        await editor.UpdateAsync(id, opened, stamp, opened with { Definition = "تعریف" }, admin);

        await using var db = _app.CreateDbContext();
        var row = await db.History.FirstAsync();
        row.NewValue = "دست‌کاری";
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        await using var other = _app.CreateDbContext();
        other.History.Remove(await other.History.FirstAsync());
        await Assert.ThrowsAsync<InvalidOperationException>(() => other.SaveChangesAsync());
    }

    [Fact]
    public async Task A_retired_service_keeps_its_agreement()
    {
        var (editor, admin) = await EditorAsync(Roles.Administrator);
        var id = await CertificateIdAsync();
        var (_, stamp, _) = (await editor.LoadAsync(id))!.Value;

        var retired = await editor.RetireAsync(id, stamp, admin);

        Assert.True(retired.Succeeded, retired.Message);
        await using var db = _app.CreateDbContext();
        var service = await db.Services.Include(s => s.Agreement).SingleAsync(s => s.Id == id);
        Assert.NotNull(service.RetiredAt);
        Assert.NotNull(service.Agreement!.InForceVersionId);
    }

    [Theory]
    [InlineData(Roles.LegalReviewer)]
    [InlineData(Roles.Viewer)]
    public async Task Only_an_administrator_creates_edits_retires_or_adds_organizations(string role)
    {
        var (editor, user) = await EditorAsync(role);
        var id = await CertificateIdAsync();
        var (opened, stamp, _) = (await editor.LoadAsync(id))!.Value;

        Assert.False((await editor.CreateAsync(new ServiceForm { Title = "جعلی", ProviderId = await ProviderIdAsync() }, user)).Succeeded);
        Assert.False((await editor.UpdateAsync(id, opened, stamp, opened with { Definition = "جعلی" }, user)).Succeeded);
        Assert.False((await editor.RetireAsync(id, stamp, user)).Succeeded);
        Assert.NotNull((await editor.AddOrganizationAsync("سازمان جعلی", OrganizationKind.ExecutiveAgency, null, user)).Error);

        await using var db = _app.CreateDbContext();
        Assert.False(await db.Services.AnyAsync(s => s.Title == "جعلی" || s.Definition == "جعلی" || s.RetiredAt != null));
        Assert.False(await db.Organizations.AnyAsync(o => o.Name == "سازمان جعلی"));
    }

    [Fact]
    public async Task A_ministry_added_above_a_provider_finds_its_services()
    {
        var (editor, admin) = await EditorAsync(Roles.Administrator);
        var (ministry, error) = await editor.AddOrganizationAsync("وزارت ارتباطات و فناوری اطلاعات", OrganizationKind.GovernmentUnit, null, admin);
        Assert.Null(error);
        await using (var db = _app.CreateDbContext())
        {
            var ito = await db.Organizations.SingleAsync(o => o.Name == "سازمان فناوری اطلاعات ایران");
            ito.ParentId = ministry!.Id;
            await db.SaveChangesAsync();
        }

        var catalogue = _app.Services.CreateScope().ServiceProvider.GetRequiredService<CatalogueService>();
        var byName = await catalogue.SearchAsync(new CatalogueFilter(Search: "وزارت ارتباطات"), 1, 25);
        var byFilter = await catalogue.SearchAsync(new CatalogueFilter(ProviderId: ministry!.Id), 1, 25);
        Assert.Equal(4, byName.Total);
        Assert.Equal(4, byFilter.Total);
    }

    private async Task<(ServiceEditor, ClaimsPrincipal)> EditorAsync(string role)
    {
        _ = _app.Server;
        var scope = _app.Services.CreateScope();
        return (scope.ServiceProvider.GetRequiredService<ServiceEditor>(), await TestAuth.PrincipalAsync(scope.ServiceProvider, role));
    }

    private async Task<int> ProviderIdAsync()
    {
        await using var db = _app.CreateDbContext();
        return await db.Organizations.Where(o => o.Name == "سازمان فناوری اطلاعات ایران").Select(o => o.Id).SingleAsync();
    }

    private async Task<int> CertificateIdAsync()
    {
        await using var db = _app.CreateDbContext();
        return await db.Services.Where(s => s.Title == "صدور گواهی احراز اصالت و سلامت اداری").Select(s => s.Id).SingleAsync();
    }
}
