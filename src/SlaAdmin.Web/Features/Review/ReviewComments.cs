using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SlaAdmin.Auth;
using SlaAdmin.Data;
using SlaAdmin.Data.Entities;
using SlaAdmin.Features.Agreements;

namespace SlaAdmin.Features.Review;

/// <summary>One comment of a thread.</summary>
public sealed record CommentEntry(long Id, string By, DateTimeOffset At, string Text, string? Quote, int VersionNumber);

/// <summary>
/// A thread on one clause: its comments oldest first, whether it is resolved, and whether the clause's
/// words changed since the thread began (the clause followed into a later version by its identity).
/// </summary>
public sealed record CommentThread(long Id, Guid ClauseId, string Where, IReadOnlyList<CommentEntry> Comments, DateTimeOffset? ResolvedAt, string? ResolvedBy,
    bool ClauseChangedSince, bool ClauseGone)
{
    public bool IsOpen => ResolvedAt is null;
}

/// <summary>Comments on clauses by legal reviewers and administrators: threads, replies, resolve and reopen.</summary>
public sealed class ReviewComments(IDbContextFactory<SlaDbContext> dbFactory, AccessCheck access, AgreementStore store, TimeProvider clock)
{
    public const int TextMax = 4000;

    /// <summary>The threads of an agreement as seen on one of its versions (the clause's place and words there).</summary>
    public async Task<IReadOnlyList<CommentThread>> ThreadsAsync(int agreementId, int versionNumber, CancellationToken cancellationToken = default)
    {
        var view = await store.LoadAsync(agreementId, versionNumber, cancellationToken);
        var clauses = view is null ? [] : Clauses.Of(view.Content).ToDictionary(c => c.Id);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var comments = await db.Comments.AsNoTracking().Where(c => c.AgreementId == agreementId).OrderBy(c => c.Id).ToListAsync(cancellationToken);
        return
        [
            .. comments.Where(c => c.ParentId is null).Select(root =>
            {
                var clause = clauses.GetValueOrDefault(root.ClauseId);
                var entries = comments.Where(c => c.Id == root.Id || c.ParentId == root.Id)
                    .Select(c => new CommentEntry(c.Id, c.By, c.At, c.Text, c.Quote, c.VersionNumber)).ToList();
                var changed = clause is not null && root.ClauseTextThen is not null && !WordDiff.SameWords(root.ClauseTextThen, clause.Text);
                return new CommentThread(root.Id, root.ClauseId, clause?.Where ?? "بندی که در این نسخه نیست", entries, root.ResolvedAt, root.ResolvedBy, changed, clause is null);
            }),
        ];
    }

    /// <summary>Starts a thread on a clause of a version, optionally quoting the words commented on.</summary>
    public async Task<(long? Id, string Message)> StartAsync(int agreementId, int versionNumber, Guid clauseId, string? quote, string text, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (await access.RefusalAsync(user, Roles.LegalReviewer, Roles.Administrator) is { } refused) return (null, refused);
        var view = await store.LoadAsync(agreementId, versionNumber, cancellationToken);
        var clause = view is null ? null : Clauses.Of(view.Content).FirstOrDefault(c => c.Id == clauseId);
        if (clause is null) return (null, "این بند در این نسخه نیست.");
        var clean = AgreementContent.Clean(text);
        if (clean is null) return (null, "متن نظر را بنویسید.");
        if (clean.Length > TextMax) return (null, $"نظر بیش از {Persian.PersianDigits.Format(TextMax)} نویسه است.");
        var cleanQuote = AgreementContent.Clean(quote);
        if (cleanQuote is not null && !Persian.PersianText.Fold(clause.Text).Contains(Persian.PersianText.Fold(cleanQuote), StringComparison.Ordinal))
            return (null, "عبارت نقل‌شده در متن این بند نیست؛ آن را از خود بند برگزینید.");

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var comment = new ReviewComment
        {
            AgreementId = agreementId, ClauseId = clauseId, VersionNumber = versionNumber, Quote = cleanQuote, ClauseTextThen = clause.Text,
            Text = clean, By = user.Identity?.Name ?? "ناشناس", At = clock.GetUtcNow(),
        };
        db.Comments.Add(comment);
        await db.SaveChangesAsync(cancellationToken);
        return (comment.Id, $"نظر بر «{clause.Where}» ثبت شد.");
    }

    public async Task<(bool Succeeded, string Message)> ReplyAsync(long threadId, int versionNumber, string text, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (await access.RefusalAsync(user, Roles.LegalReviewer, Roles.Administrator) is { } refused) return (false, refused);
        var clean = AgreementContent.Clean(text);
        if (clean is null) return (false, "متن پاسخ را بنویسید.");
        if (clean.Length > TextMax) return (false, $"پاسخ بیش از {Persian.PersianDigits.Format(TextMax)} نویسه است.");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var root = await db.Comments.SingleOrDefaultAsync(c => c.Id == threadId && c.ParentId == null, cancellationToken);
        if (root is null) return (false, "این رشته نظر نیست.");
        db.Comments.Add(new ReviewComment
        {
            AgreementId = root.AgreementId, ClauseId = root.ClauseId, VersionNumber = versionNumber, ParentId = root.Id, Text = clean,
            By = user.Identity?.Name ?? "ناشناس", At = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);
        return (true, "پاسخ ثبت شد.");
    }

    public Task<(bool Succeeded, string Message)> ResolveAsync(long threadId, ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
        SetResolvedAsync(threadId, resolve: true, user, cancellationToken);

    public Task<(bool Succeeded, string Message)> ReopenAsync(long threadId, ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
        SetResolvedAsync(threadId, resolve: false, user, cancellationToken);

    private async Task<(bool Succeeded, string Message)> SetResolvedAsync(long threadId, bool resolve, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (await access.RefusalAsync(user, Roles.LegalReviewer, Roles.Administrator) is { } refused) return (false, refused);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var root = await db.Comments.SingleOrDefaultAsync(c => c.Id == threadId && c.ParentId == null, cancellationToken);
        if (root is null) return (false, "این رشته نظر نیست.");
        if ((root.ResolvedAt is not null) == resolve) return (false, resolve ? "این رشته پیش‌تر حل شده است." : "این رشته باز است.");
        root.ResolvedAt = resolve ? clock.GetUtcNow() : null;
        root.ResolvedBy = resolve ? user.Identity?.Name : null;
        db.Comments.Add(new ReviewComment
        {
            AgreementId = root.AgreementId, ClauseId = root.ClauseId, VersionNumber = root.VersionNumber, ParentId = root.Id,
            Text = resolve ? "رشته حل شد." : "رشته دوباره باز شد.", By = user.Identity?.Name ?? "ناشناس", At = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);
        return (true, resolve ? "رشته حل شد." : "رشته دوباره باز شد.");
    }
}
