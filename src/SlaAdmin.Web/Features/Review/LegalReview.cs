using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SlaAdmin.Auth;
using SlaAdmin.Data;
using SlaAdmin.Data.Entities;
using SlaAdmin.Features.Agreements;
using SlaAdmin.Persian;
using SlaAdmin.Vocabulary;

namespace SlaAdmin.Features.Review;

/// <summary>One recorded step of a version's life, as the agreement page lists it.</summary>
public sealed record TransitionEntry(int VersionNumber, AgreementStatus From, AgreementStatus To, string By, DateTimeOffset At, string? Note);

/// <summary>
/// The legal review of a working version: an administrator submits a draft; a legal reviewer approves
/// it or sends it back with a reason. Content in review does not change (AgreementEditor refuses), and
/// an approval is withdrawn by any later change. Every step is checked against the user's role in the
/// database and recorded with who, when and why.
/// </summary>
public sealed class LegalReview(IDbContextFactory<SlaDbContext> dbFactory, AccessCheck access, TimeProvider clock)
{
    public async Task<LifecycleOutcome> SubmitAsync(int agreementId, Guid seenStamp, ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
        await StepAsync(agreementId, seenStamp, user, Roles.Administrator, AgreementStatus.Draft, AgreementStatus.InReview, note: null,
            done: n => $"نسخه {n} برای بررسی حقوقی فرستاده شد.", cancellationToken);

    public async Task<LifecycleOutcome> SendBackAsync(int agreementId, Guid seenStamp, string reason, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var clean = AgreementContent.Clean(reason);
        if (clean is null) return new(false, "دلیل بازگرداندن را بنویسید تا تهیه‌کننده بداند چه باید بکند.");
        return await StepAsync(agreementId, seenStamp, user, Roles.LegalReviewer, AgreementStatus.InReview, AgreementStatus.Draft, clean,
            done: n => $"نسخه {n} با دلیل به تهیه‌کننده بازگردانده شد.", cancellationToken);
    }

    /// <summary>
    /// Approves the version in review. With unresolved comments it is refused unless <paramref name="overrideReason"/>
    /// says why approving anyway, which is recorded.
    /// </summary>
    public async Task<LifecycleOutcome> ApproveAsync(int agreementId, Guid seenStamp, string? overrideReason, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var open = await db.Comments.CountAsync(c => c.AgreementId == agreementId && c.ParentId == null && c.ResolvedAt == null, cancellationToken);
            var reason = AgreementContent.Clean(overrideReason);
            if (open > 0 && reason is null)
                return new(false, $"{PersianDigits.Of(open)} رشته نظر هنوز باز است؛ آن‌ها را حل کنید یا دلیل تأیید با وجود آن‌ها را بنویسید.");
            var note = open > 0 ? $"تأیید با {PersianDigits.Of(open)} نظر باز: {reason}" : null;
            return await StepAsync(agreementId, seenStamp, user, Roles.LegalReviewer, AgreementStatus.InReview, AgreementStatus.Approved, note,
                done: n => $"نسخه {n} تأیید شد و آماده انتشار است.", cancellationToken);
        }
    }

    /// <summary>Every recorded step of every version of the agreement, newest first.</summary>
    public async Task<IReadOnlyList<TransitionEntry>> TransitionsAsync(int agreementId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await (from t in db.Transitions.AsNoTracking()
                      join v in db.AgreementVersions on t.AgreementVersionId equals v.Id
                      where v.AgreementId == agreementId
                      orderby t.Id descending
                      select new TransitionEntry(v.Number, t.From, t.To, t.By, t.At, t.Note)).ToListAsync(cancellationToken);
    }

    private async Task<LifecycleOutcome> StepAsync(int agreementId, Guid seenStamp, ClaimsPrincipal user, string role, AgreementStatus from, AgreementStatus to,
        string? note, Func<string, string> done, CancellationToken cancellationToken)
    {
        if (await access.RefusalAsync(user, role) is { } refused) return new(false, refused);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var agreement = await db.Agreements.Include(a => a.WorkingVersion).SingleOrDefaultAsync(a => a.Id == agreementId, cancellationToken);
        if (agreement?.WorkingVersion is not { } working) return new(false, "این توافقنامه نسخه در دست تهیه‌ای ندارد.");
        if (working.Status != from)
            return new(false, $"نسخه {PersianDigits.Of(working.Number)} در وضعیت «{Labels.Of(working.Status)}» است؛ این کار تنها از وضعیت «{Labels.Of(from)}» شدنی است.");

        db.Entry(working).Property(v => v.ConcurrencyStamp).OriginalValue = seenStamp;
        working.Status = to;
        working.UpdatedBy = user.Identity?.Name;
        db.Transitions.Add(new VersionTransition { AgreementVersionId = working.Id, From = from, To = to, By = user.Identity?.Name ?? "ناشناس", At = clock.GetUtcNow(), Note = note });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new(false, AgreementLifecycle.StaleMessage);
        }
        return new(true, done(PersianDigits.Of(working.Number)), working.Number, working.ConcurrencyStamp);
    }
}
