using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SlaAdmin.Auth;
using SlaAdmin.Data.Entities;
using SlaAdmin.Features.Agreements;
using SlaAdmin.Features.Review;
using SlaAdmin.IntegrationTests.Agreements;

namespace SlaAdmin.IntegrationTests.Review;

/// <summary>
/// Every review step and comment action for each role through the real services: allowed where the
/// service says so, refused with nothing stored otherwise; and what review does to editing and publishing.
/// </summary>
public sealed class ReviewRoleMatrixTests
{
    private const string CertificateTitle = "صدور گواهی احراز اصالت و سلامت اداری";

    public static TheoryData<string, bool> AdministratorOnly => new() { { Roles.Administrator, true }, { Roles.LegalReviewer, false }, { Roles.Viewer, false } };

    public static TheoryData<string, bool> ReviewerOnly => new() { { Roles.Administrator, false }, { Roles.LegalReviewer, true }, { Roles.Viewer, false } };

    public static TheoryData<string, bool> ReviewersAndAdministrators => new() { { Roles.Administrator, true }, { Roles.LegalReviewer, true }, { Roles.Viewer, false } };

    [Theory, MemberData(nameof(AdministratorOnly))]
    public async Task Submitting_a_draft(string role, bool allowed)
    {
        await using var s = await Setup.StartAsync();
        var stamp = await s.DraftAsync();

        var outcome = await s.Review.SubmitAsync(s.AgreementId, stamp, await s.AsAsync(role));

        await s.ExpectStepAsync(outcome, allowed, AgreementStatus.InReview, AgreementStatus.Draft);
    }

    [Theory, MemberData(nameof(ReviewerOnly))]
    public async Task Sending_back_a_version_in_review(string role, bool allowed)
    {
        await using var s = await Setup.StartAsync();
        var stamp = await s.SubmittedAsync();

        var outcome = await s.Review.SendBackAsync(s.AgreementId, stamp, "بند هزینه‌ها ناقص است.", await s.AsAsync(role));

        await s.ExpectStepAsync(outcome, allowed, AgreementStatus.Draft, AgreementStatus.InReview);
    }

    [Theory, MemberData(nameof(ReviewerOnly))]
    public async Task Approving_a_version_in_review(string role, bool allowed)
    {
        await using var s = await Setup.StartAsync();
        var stamp = await s.SubmittedAsync();

        var outcome = await s.Review.ApproveAsync(s.AgreementId, stamp, null, await s.AsAsync(role));

        await s.ExpectStepAsync(outcome, allowed, AgreementStatus.Approved, AgreementStatus.InReview);
    }

    [Theory, MemberData(nameof(AdministratorOnly))]
    public async Task Publishing_an_approved_version(string role, bool allowed)
    {
        await using var s = await Setup.StartAsync();
        var stamp = await s.ApprovedAsync();
        var stepsBefore = await s.CountAsync(db => db.Transitions);

        var outcome = await s.Lifecycle.PublishAsync(s.AgreementId, stamp, await s.AsAsync(role));

        Assert.Equal(allowed, outcome.Succeeded);
        var view = await s.Store.LoadAsync(s.AgreementId);
        Assert.Equal(allowed ? 2 : 1, view!.Version.Number);
        Assert.Equal(allowed ? null : AgreementStatus.Approved, view.Working?.Status);
        Assert.Equal(allowed ? stepsBefore + 2 : stepsBefore, await s.CountAsync(db => db.Transitions));
    }

    [Theory, MemberData(nameof(ReviewersAndAdministrators))]
    public async Task Starting_a_thread(string role, bool allowed)
    {
        await using var s = await Setup.StartAsync();
        await s.SubmittedAsync();
        var clause = await s.ClauseAsync();

        var (id, message) = await s.Comments.StartAsync(s.AgreementId, 2, clause, null, "این بند روشن نیست.", await s.AsAsync(role));

        Assert.Equal(allowed, id is not null);
        Assert.False(string.IsNullOrEmpty(message));
        Assert.Equal(allowed ? 1 : 0, await s.CountAsync(db => db.Comments));
    }

    [Theory, MemberData(nameof(ReviewersAndAdministrators))]
    public async Task Replying_to_a_thread(string role, bool allowed)
    {
        await using var s = await Setup.StartAsync();
        var thread = await s.ThreadAsync();

        var (succeeded, _) = await s.Comments.ReplyAsync(thread, 2, "پاسخ", await s.AsAsync(role));

        Assert.Equal(allowed, succeeded);
        Assert.Equal(allowed ? 2 : 1, await s.CountAsync(db => db.Comments));
    }

    [Theory, MemberData(nameof(ReviewersAndAdministrators))]
    public async Task Resolving_a_thread(string role, bool allowed)
    {
        await using var s = await Setup.StartAsync();
        var thread = await s.ThreadAsync();

        var (succeeded, _) = await s.Comments.ResolveAsync(thread, await s.AsAsync(role));

        Assert.Equal(allowed, succeeded);
        Assert.Equal(allowed, (await s.Comments.ThreadsAsync(s.AgreementId, 2)).Single().IsOpen is false);
        Assert.Equal(allowed ? 2 : 1, await s.CountAsync(db => db.Comments));
    }

    [Theory, MemberData(nameof(ReviewersAndAdministrators))]
    public async Task Reopening_a_thread(string role, bool allowed)
    {
        await using var s = await Setup.StartAsync();
        var thread = await s.ThreadAsync();
        Assert.True((await s.Comments.ResolveAsync(thread, s.Reviewer)).Succeeded);

        var (succeeded, _) = await s.Comments.ReopenAsync(thread, await s.AsAsync(role));

        Assert.Equal(allowed, succeeded);
        Assert.Equal(allowed, (await s.Comments.ThreadsAsync(s.AgreementId, 2)).Single().IsOpen);
        Assert.Equal(allowed ? 3 : 2, await s.CountAsync(db => db.Comments));
    }

    [Fact]
    public async Task A_version_in_review_cannot_change()
    {
        await using var s = await Setup.StartAsync();
        var stamp = await s.SubmittedAsync();
        var original = (await s.Store.LoadAsync(s.AgreementId, 2))!.Content;

        var outcome = await s.Editor.SaveAsync(s.AgreementId, original, stamp, Reworded(original), s.Admin);

        Assert.False(outcome.Succeeded);
        var now = await s.Store.LoadAsync(s.AgreementId, 2);
        Assert.Equal(original, now!.Content);
        Assert.Equal(AgreementStatus.InReview, now.Version.Status);
    }

    [Fact]
    public async Task A_change_after_approval_withdraws_it()
    {
        await using var s = await Setup.StartAsync();
        var stamp = await s.ApprovedAsync();
        var original = (await s.Store.LoadAsync(s.AgreementId, 2))!.Content;

        var outcome = await s.Editor.SaveAsync(s.AgreementId, original, stamp, Reworded(original), s.Admin);

        Assert.True(outcome.Succeeded, outcome.Message);
        Assert.Equal(AgreementStatus.Draft, (await s.Store.LoadAsync(s.AgreementId, 2))!.Version.Status);
        var latest = (await s.Review.TransitionsAsync(s.AgreementId))[0];
        Assert.Equal((2, AgreementStatus.Approved, AgreementStatus.Draft), (latest.VersionNumber, latest.From, latest.To));
        Assert.False((await s.Lifecycle.PublishAsync(s.AgreementId, outcome.Stamp!.Value, s.Admin)).Succeeded);
    }

    [Fact]
    public async Task A_published_version_stays_in_force_until_the_next_is_published()
    {
        await using var s = await Setup.StartAsync();
        Assert.True((await s.Lifecycle.PublishAsync(s.AgreementId, await s.ApprovedAsync(), s.Admin)).Succeeded);

        var third = await s.Lifecycle.StartDraftAsync(s.AgreementId, s.Admin);
        var submitted = await s.Review.SubmitAsync(s.AgreementId, third.Stamp!.Value, s.Admin);
        var approved = await s.Review.ApproveAsync(s.AgreementId, submitted.Stamp!.Value, null, s.Reviewer);
        Assert.True(approved.Succeeded, approved.Message);
        Assert.Equal(2, (await s.Store.LoadAsync(s.AgreementId))!.Version.Number);
        Assert.Equal(3, (await s.Store.LoadAsync(s.AgreementId))!.Working!.Number);

        Assert.True((await s.Lifecycle.PublishAsync(s.AgreementId, approved.Stamp!.Value, s.Admin)).Succeeded);
        Assert.Equal(3, (await s.Store.LoadAsync(s.AgreementId))!.Version.Number);
        Assert.Equal(AgreementStatus.Superseded, (await s.Store.LoadAsync(s.AgreementId, 2))!.Version.Status);
    }

    private static AgreementContent Reworded(AgreementContent content) => content with
    {
        Obligations = [.. content.Obligations.Select((o, i) => i == 0 ? o with { Text = "سازمان متعهد می‌شود پاسخ را در ۷۲ ساعت بدهد." } : o)],
    };

    /// <summary>The app on SQLite, the certificate agreement, and its services in one scope.</summary>
    private sealed class Setup : IAsyncDisposable
    {
        private SlaAppFactory app = null!;
        private IServiceScope scope = null!;

        public int AgreementId { get; private set; }
        public ClaimsPrincipal Admin { get; private set; } = null!;
        public ClaimsPrincipal Reviewer { get; private set; } = null!;
        public LegalReview Review => scope.ServiceProvider.GetRequiredService<LegalReview>();
        public ReviewComments Comments => scope.ServiceProvider.GetRequiredService<ReviewComments>();
        public AgreementLifecycle Lifecycle => scope.ServiceProvider.GetRequiredService<AgreementLifecycle>();
        public AgreementEditor Editor => scope.ServiceProvider.GetRequiredService<AgreementEditor>();
        public AgreementStore Store => scope.ServiceProvider.GetRequiredService<AgreementStore>();

        public static async Task<Setup> StartAsync()
        {
            var s = new Setup { app = await TestDatabases.StartAsync(TestDatabases.Sqlite) };
            _ = s.app.Server;
            s.scope = s.app.Services.CreateScope();
            s.Admin = await s.AsAsync(Roles.Administrator);
            s.Reviewer = await s.AsAsync(Roles.LegalReviewer);
            await using var db = s.app.CreateDbContext();
            s.AgreementId = await db.Agreements.Where(a => a.EService.Title == CertificateTitle).Select(a => a.Id).SingleAsync();
            return s;
        }

        public Task<ClaimsPrincipal> AsAsync(string role) => TestAuth.PrincipalAsync(scope.ServiceProvider, role);

        public async Task<Guid> DraftAsync()
        {
            var draft = await Lifecycle.StartDraftAsync(AgreementId, Admin);
            Assert.True(draft.Succeeded, draft.Message);
            return draft.Stamp!.Value;
        }

        public async Task<Guid> SubmittedAsync()
        {
            var submitted = await Review.SubmitAsync(AgreementId, await DraftAsync(), Admin);
            Assert.True(submitted.Succeeded, submitted.Message);
            return submitted.Stamp!.Value;
        }

        public async Task<Guid> ApprovedAsync()
        {
            var approved = await Review.ApproveAsync(AgreementId, await SubmittedAsync(), null, Reviewer);
            Assert.True(approved.Succeeded, approved.Message);
            return approved.Stamp!.Value;
        }

        public async Task<Guid> ClauseAsync() =>
            (await Store.LoadAsync(AgreementId, 2))!.Content.ObligationsOf(ObligationSide.Provider).First().Clause;

        public async Task<long> ThreadAsync()
        {
            await SubmittedAsync();
            var (id, message) = await Comments.StartAsync(AgreementId, 2, await ClauseAsync(), null, "این بند روشن نیست.", Reviewer);
            Assert.True(id is not null, message);
            return id!.Value;
        }

        public async Task<int> CountAsync<T>(Func<SlaAdmin.Data.SlaDbContext, IQueryable<T>> set)
        {
            await using var db = app.CreateDbContext();
            return await set(db).CountAsync();
        }

        /// <summary>Allowed: the working version moved to <paramref name="to"/> with one step recorded; refused: it stayed, nothing recorded.</summary>
        public async Task ExpectStepAsync(LifecycleOutcome outcome, bool allowed, AgreementStatus to, AgreementStatus stayed)
        {
            Assert.Equal(allowed, outcome.Succeeded);
            if (!allowed) Assert.False(string.IsNullOrEmpty(outcome.Message));
            Assert.Equal(allowed ? to : stayed, (await Store.LoadAsync(AgreementId))!.Working!.Status);
            var steps = await Review.TransitionsAsync(AgreementId);
            Assert.Equal(allowed ? 1 : 0, steps.Count(t => t.From == stayed && t.To == to));
        }

        public async ValueTask DisposeAsync()
        {
            scope.Dispose();
            await app.DisposeAsync();
        }
    }
}
