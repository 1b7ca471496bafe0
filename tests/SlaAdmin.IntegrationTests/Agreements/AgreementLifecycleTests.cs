using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SlaAdmin.Auth;
using SlaAdmin.Data;
using SlaAdmin.Data.Entities;
using SlaAdmin.Features.Agreements;
using SlaAdmin.Features.Review;

namespace SlaAdmin.IntegrationTests.Agreements;

/// <summary>
/// The version in force and the working draft through the real services, each call on its own context
/// as the pages make them, on SQLite and on PostgreSQL.
/// </summary>
public sealed class AgreementLifecycleTests
{
    private const string CertificateTitle = "صدور گواهی احراز اصالت و سلامت اداری";

    public static TheoryData<string> Providers => new() { TestDatabases.Sqlite, TestDatabases.PostgreSql };


    [Theory, MemberData(nameof(Providers))]
    public async Task Readers_see_the_version_in_force_until_the_draft_is_published(string provider)
    {
        using var app = await TestDatabases.StartAsync(provider);
        var (lifecycle, store, admin) = await ServicesAsync(app);
        var agreementId = await CertificateAgreementIdAsync(app);

        var draft = await lifecycle.StartDraftAsync(agreementId, admin);
        Assert.True(draft.Succeeded, draft.Message);
        Assert.Equal(2, draft.VersionNumber);
        await RewordFirstProviderObligationAsync(app, agreementId, 2, "سازمان متعهد می‌شود پاسخ را در ۷۲ ساعت بدهد.");

        var seen = await store.LoadAsync(agreementId);
        Assert.NotNull(seen);
        Assert.Equal(1, seen.Version.Number);
        Assert.True(seen.IsInForce);
        Assert.Equal(2, seen.Working!.Number);
        Assert.DoesNotContain(seen.Content.Obligations, o => o.Text.Contains("۷۲ ساعت", StringComparison.Ordinal));

        var stamp = await ApproveAsync(app, agreementId, (await store.LoadAsync(agreementId, 2))!.Version.ConcurrencyStamp, admin);
        var published = await lifecycle.PublishAsync(agreementId, stamp, admin);
        Assert.True(published.Succeeded, published.Message);

        var now = await store.LoadAsync(agreementId);
        Assert.Equal(2, now!.Version.Number);
        Assert.Equal(AgreementStatus.Published, now.Version.Status);
        Assert.Null(now.Working);
        Assert.Contains(now.Content.Obligations, o => o.Text.Contains("۷۲ ساعت", StringComparison.Ordinal));
        Assert.Equal(AgreementStatus.Superseded, (await store.LoadAsync(agreementId, 1))!.Version.Status);
        await using var db = app.CreateDbContext();
        Assert.Equal(1, await db.AgreementVersions.CountAsync(v => v.AgreementId == agreementId && v.Status == AgreementStatus.Published));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_stale_stamp_is_refused_through_a_fresh_context(string provider)
    {
        using var app = await TestDatabases.StartAsync(provider);
        var (lifecycle, store, admin) = await ServicesAsync(app);
        var agreementId = await CertificateAgreementIdAsync(app);
        var draft = await lifecycle.StartDraftAsync(agreementId, admin);

        // Someone else saves the draft after this user opened it.
        await RewordFirstProviderObligationAsync(app, agreementId, 2, "متن تازه‌ای که دیگری نوشت.");

        var review = app.Services.CreateScope().ServiceProvider.GetRequiredService<LegalReview>();
        var refused = await review.SubmitAsync(agreementId, draft.Stamp!.Value, admin);
        Assert.False(refused.Succeeded);
        Assert.Equal(AgreementLifecycle.StaleMessage, refused.Message);
        var view = await store.LoadAsync(agreementId);
        Assert.Equal(1, view!.Version.Number);
        Assert.Equal(AgreementStatus.Draft, view.Working!.Status);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_service_saved_with_a_stale_stamp_is_refused_through_a_fresh_context(string provider)
    {
        using var app = await TestDatabases.StartAsync(provider);
        int id;
        Guid seen;
        await using (var db = app.CreateDbContext())
        {
            var opened = await db.Services.AsNoTracking().SingleAsync(s => s.Title == CertificateTitle);
            (id, seen) = (opened.Id, opened.ConcurrencyStamp);
        }
        await using (var other = app.CreateDbContext())
        {
            var service = await other.Services.SingleAsync(s => s.Id == id);
            service.Definition = "تعریفی که دیگری نوشت.";
            await other.SaveChangesAsync();
        }

        await using var mine = app.CreateDbContext();
        var stale = await mine.Services.SingleAsync(s => s.Id == id);
        mine.Entry(stale).Property(s => s.ConcurrencyStamp).OriginalValue = seen;
        stale.Definition = "تعریف من.";
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => mine.SaveChangesAsync());

        await using var check = app.CreateDbContext();
        Assert.Equal("تعریفی که دیگری نوشت.", await check.Services.Where(s => s.Id == id).Select(s => s.Definition).SingleAsync());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_published_version_refuses_every_change(string provider)
    {
        using var app = await TestDatabases.StartAsync(provider);
        var agreementId = await CertificateAgreementIdAsync(app);

        var error = await Assert.ThrowsAsync<FrozenVersionException>(() => RewordFirstProviderObligationAsync(app, agreementId, 1, "تغییر پنهانی"));
        Assert.Contains("تغییر نمی‌کند", error.Message, StringComparison.Ordinal);

        await using (var db = app.CreateDbContext())
        {
            var version = await db.AgreementVersions.SingleAsync(v => v.AgreementId == agreementId && v.Number == 1);
            version.Signatory = "دیگری";
            await Assert.ThrowsAsync<FrozenVersionException>(() => db.SaveChangesAsync());
        }
        await using (var db = app.CreateDbContext())
        {
            var obligation = await db.Obligations.FirstAsync(o => db.AgreementVersions.Any(v => v.Id == o.AgreementVersionId && v.AgreementId == agreementId));
            db.Obligations.Remove(obligation);
            await Assert.ThrowsAsync<FrozenVersionException>(() => db.SaveChangesAsync());
        }
        await using var check = app.CreateDbContext();
        Assert.DoesNotContain(await check.Obligations.Select(o => o.Text).ToListAsync(), t => t == "تغییر پنهانی");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_new_draft_keeps_every_clause_identity_of_the_version_in_force(string provider)
    {
        using var app = await TestDatabases.StartAsync(provider);
        var (lifecycle, store, admin) = await ServicesAsync(app);
        var agreementId = await CertificateAgreementIdAsync(app);

        await lifecycle.StartDraftAsync(agreementId, admin);

        var inForce = (await store.LoadAsync(agreementId, 1))!.Content;
        var draft = (await store.LoadAsync(agreementId, 2))!.Content;
        Assert.Equal(inForce, draft);
        Assert.Equal(inForce.ClauseIds.Order(), draft.ClauseIds.Order());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Discarding_a_draft_leaves_the_version_in_force(string provider)
    {
        using var app = await TestDatabases.StartAsync(provider);
        var (lifecycle, store, admin) = await ServicesAsync(app);
        var agreementId = await CertificateAgreementIdAsync(app);
        var draft = await lifecycle.StartDraftAsync(agreementId, admin);

        var discarded = await lifecycle.DiscardDraftAsync(agreementId, draft.Stamp!.Value, admin);

        Assert.True(discarded.Succeeded, discarded.Message);
        var view = await store.LoadAsync(agreementId);
        Assert.Equal(1, view!.Version.Number);
        Assert.Null(view.Working);
        Assert.Null(await store.LoadAsync(agreementId, 2));
    }

    [Theory]
    [InlineData(Roles.LegalReviewer)]
    [InlineData(Roles.Viewer)]
    public async Task Only_an_administrator_starts_publishes_or_discards(string role)
    {
        using var app = await TestDatabases.StartAsync(TestDatabases.Sqlite);
        var (lifecycle, store, admin) = await ServicesAsync(app);
        var agreementId = await CertificateAgreementIdAsync(app);
        var user = await TestAuth.PrincipalAsync(app.Services.CreateScope().ServiceProvider, role);

        Assert.False((await lifecycle.StartDraftAsync(agreementId, user)).Succeeded);
        var draft = await lifecycle.StartDraftAsync(agreementId, admin);
        var publish = await lifecycle.PublishAsync(agreementId, draft.Stamp!.Value, user);
        Assert.False(publish.Succeeded);
        Assert.Contains("مدیر سامانه", publish.Message, StringComparison.Ordinal);
        Assert.False((await lifecycle.DiscardDraftAsync(agreementId, draft.Stamp!.Value, user)).Succeeded);
        Assert.Equal(1, (await store.LoadAsync(agreementId))!.Version.Number);
        Assert.Equal(2, (await store.LoadAsync(agreementId))!.Working!.Number);
    }

    [Fact]
    public async Task A_draft_is_not_published_without_legal_approval()
    {
        using var app = await TestDatabases.StartAsync(TestDatabases.Sqlite);
        var (lifecycle, store, admin) = await ServicesAsync(app);
        var agreementId = await CertificateAgreementIdAsync(app);
        var draft = await lifecycle.StartDraftAsync(agreementId, admin);

        var refused = await lifecycle.PublishAsync(agreementId, draft.Stamp!.Value, admin);

        Assert.False(refused.Succeeded);
        Assert.Contains("تأیید", refused.Message, StringComparison.Ordinal);
        Assert.Equal(1, (await store.LoadAsync(agreementId))!.Version.Number);
    }

    [Fact]
    public async Task With_direct_publishing_configured_an_administrator_publishes_a_draft()
    {
        using var app = new SlaAppFactory { Settings = { [AgreementLifecycle.DirectPublishSetting] = "true" } };
        var (lifecycle, store, admin) = await ServicesAsync(app);
        var agreementId = await CertificateAgreementIdAsync(app);
        var draft = await lifecycle.StartDraftAsync(agreementId, admin);

        Assert.True((await lifecycle.PublishAsync(agreementId, draft.Stamp!.Value, admin)).Succeeded);
        Assert.Equal(2, (await store.LoadAsync(agreementId))!.Version.Number);
    }

    /// <summary>Submits the working draft and has a legal reviewer approve it; returns the stamp to publish with.</summary>
    internal static async Task<Guid> ApproveAsync(SlaAppFactory app, int agreementId, Guid stamp, ClaimsPrincipal admin)
    {
        var scope = app.Services.CreateScope();
        var review = scope.ServiceProvider.GetRequiredService<LegalReview>();
        var submitted = await review.SubmitAsync(agreementId, stamp, admin);
        Assert.True(submitted.Succeeded, submitted.Message);
        var approved = await review.ApproveAsync(agreementId, submitted.Stamp!.Value, null, await TestAuth.PrincipalAsync(scope.ServiceProvider, Roles.LegalReviewer));
        Assert.True(approved.Succeeded, approved.Message);
        return approved.Stamp!.Value;
    }

    private static async Task<(AgreementLifecycle, AgreementStore, ClaimsPrincipal Admin)> ServicesAsync(SlaAppFactory app)
    {
        _ = app.Server;
        var scope = app.Services.CreateScope();
        return (scope.ServiceProvider.GetRequiredService<AgreementLifecycle>(), scope.ServiceProvider.GetRequiredService<AgreementStore>(),
            await TestAuth.PrincipalAsync(scope.ServiceProvider, Roles.Administrator));
    }

    private static async Task<int> CertificateAgreementIdAsync(SlaAppFactory app)
    {
        await using var db = app.CreateDbContext();
        return await db.Agreements.Where(a => a.EService.Title == CertificateTitle).Select(a => a.Id).SingleAsync();
    }

    /// <summary>Changes the first provider obligation of a version the way an editor will: a fresh context, load, change, save.</summary>
    private static async Task RewordFirstProviderObligationAsync(SlaAppFactory app, int agreementId, int number, string text)
    {
        await using var db = app.CreateDbContext();
        var versionId = await db.AgreementVersions.Where(v => v.AgreementId == agreementId && v.Number == number).Select(v => v.Id).SingleAsync();
        var obligation = await db.Obligations.Where(o => o.AgreementVersionId == versionId && o.Side == ObligationSide.Provider).OrderBy(o => o.Order).FirstAsync();
        obligation.Text = text;
        await db.SaveChangesAsync();
    }
}
