using Microsoft.EntityFrameworkCore;
using SlaAdmin.Data;
using SlaAdmin.Data.Entities;
using SlaAdmin.Persian;

namespace SlaAdmin.Features.Review;

/// <summary>Which working versions a list shows: in review, sent back to the administrator, or approved and not yet published.</summary>
public enum ReviewList
{
    InReview,
    SentBack,
    Approved,
}

/// <summary>One working version waiting for someone: since when (the step that put it there), by whom, and its open threads.</summary>
public sealed record QueueEntry(int AgreementId, string ServiceTitle, int VersionNumber, DateTimeOffset Since, string? By, int OpenThreads, string Waited);

/// <summary>How many working versions wait in each list, for the home page's «کارهای من».</summary>
public sealed record ReviewCounts(int InReview, int SentBack, int Approved);

/// <summary>The working versions waiting on legal review or on the administrator, oldest first.</summary>
public sealed class ReviewQueue(IDbContextFactory<SlaDbContext> dbFactory, TimeProvider clock)
{
    public async Task<IReadOnlyList<QueueEntry>> ListAsync(ReviewList list = ReviewList.InReview, CancellationToken cancellationToken = default)
    {
        var (status, from) = list switch
        {
            ReviewList.SentBack => (AgreementStatus.Draft, AgreementStatus.InReview),
            ReviewList.Approved => (AgreementStatus.Approved, AgreementStatus.InReview),
            _ => (AgreementStatus.InReview, AgreementStatus.Draft),
        };
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var working = await db.Agreements.AsNoTracking()
            .Where(a => a.WorkingVersion != null && a.WorkingVersion.Status == status)
            .Select(a => new { a.Id, a.EService.Title, VersionId = a.WorkingVersion!.Id, a.WorkingVersion.Number, a.WorkingVersion.UpdatedAt })
            .ToListAsync(cancellationToken);
        var versionIds = working.Select(w => w.VersionId).ToList();
        var agreementIds = working.Select(w => w.Id).ToList();
        // Transitions are few per version; the latest one per version is picked here because SQLite cannot order by DateTimeOffset.
        var latest = (await db.Transitions.AsNoTracking().Where(t => versionIds.Contains(t.AgreementVersionId))
                .Select(t => new { t.Id, t.AgreementVersionId, t.From, t.To, t.At, t.By }).ToListAsync(cancellationToken))
            .GroupBy(t => t.AgreementVersionId).ToDictionary(g => g.Key, g => g.MaxBy(t => t.Id)!);
        var open = await db.Comments.AsNoTracking()
            .Where(c => agreementIds.Contains(c.AgreementId) && c.ParentId == null && c.ResolvedAt == null)
            .GroupBy(c => c.AgreementId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

        var now = clock.GetUtcNow();
        return
        [
            .. working
                .Select(w => (w, step: latest.GetValueOrDefault(w.VersionId)))
                // A draft is «sent back» only when its last step was the return; a draft never submitted waits on nobody.
                .Where(x => list != ReviewList.SentBack || (x.step is not null && x.step.From == from && x.step.To == status))
                .Select(x =>
                {
                    var step = x.step is not null && x.step.From == from && x.step.To == status ? x.step : null;
                    var since = step?.At ?? x.w.UpdatedAt;
                    return new QueueEntry(x.w.Id, x.w.Title, x.w.Number, since, step?.By, open.GetValueOrDefault(x.w.Id), Waited(now - since));
                })
                .OrderBy(e => e.Since).ThenBy(e => e.AgreementId),
        ];
    }

    public async Task<ReviewCounts> CountAsync(CancellationToken cancellationToken = default) =>
        new((await ListAsync(ReviewList.InReview, cancellationToken)).Count, (await ListAsync(ReviewList.SentBack, cancellationToken)).Count,
            (await ListAsync(ReviewList.Approved, cancellationToken)).Count);

    /// <summary>A wait in whole days as a Persian reader says it: «۳ روز», or «کمتر از یک روز».</summary>
    public static string Waited(TimeSpan wait) =>
        wait.TotalDays < 1 ? "کمتر از یک روز" : $"{PersianDigits.Of((long)wait.TotalDays)} روز";
}
