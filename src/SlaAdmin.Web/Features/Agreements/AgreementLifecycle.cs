using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SlaAdmin.Auth;
using SlaAdmin.Data;
using SlaAdmin.Data.Entities;
using SlaAdmin.Persian;
using SlaAdmin.Vocabulary;

namespace SlaAdmin.Features.Agreements;

/// <summary>What a lifecycle step did, in Persian for the page.</summary>
public sealed record LifecycleOutcome(bool Succeeded, string Message, int? VersionNumber = null, Guid? Stamp = null);

/// <summary>
/// The steps between the version in force and the working version: start a draft from the version in
/// force (clause identities copied), publish the working version (it goes in force and the previous one
/// is superseded, in one transaction), discard a draft. Each step carries the stamp the user saw and is
/// refused when the version has moved since, also with a fresh context per operation. Only an approved
/// version is published, unless the setting <see cref="DirectPublishSetting"/> is on (off by default).
/// </summary>
public sealed class AgreementLifecycle(IDbContextFactory<SlaDbContext> dbFactory, AccessCheck access, TimeProvider clock, IConfiguration configuration)
{

    /// <summary>The working version of the agreement, started from the version in force when there is none yet.</summary>
    public async Task<LifecycleOutcome> StartDraftAsync(int agreementId, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (await access.RefusalAsync(user, Roles.Administrator) is { } refused) return new(false, refused);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var agreement = await db.Agreements.Include(a => a.WorkingVersion).SingleOrDefaultAsync(a => a.Id == agreementId, cancellationToken);
        if (agreement is null) return new(false, NotFound(agreementId));
        if (agreement.WorkingVersion is { } working)
            return new(true, $"نسخه {PersianDigits.Format(working.Number)} پیش‌تر در دست تهیه است.", working.Number, working.ConcurrencyStamp);

        var inForce = await AgreementStore.WithEverything(db.AgreementVersions).SingleAsync(v => v.Id == agreement.InForceVersionId, cancellationToken);
        var last = await db.AgreementVersions.Where(v => v.AgreementId == agreementId).MaxAsync(v => v.Number, cancellationToken);
        var draft = AgreementContent.Of(inForce).ToVersion(last + 1, AgreementStatus.Draft);
        draft.UpdatedBy = user.Identity?.Name;
        agreement.Versions.Add(draft);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            agreement.WorkingVersion = draft;
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return new(false, "هم‌زمان کس دیگری پیش‌نویسی از این توافقنامه ساخت؛ صفحه را تازه کنید.");
        }
        return new(true, $"پیش‌نویس نسخه {PersianDigits.Format(draft.Number)} از نسخه در حال اجرا ساخته شد.", draft.Number, draft.ConcurrencyStamp);
    }

    /// <summary>
    /// Puts the working version in force: it becomes Published, the version in force before it Superseded,
    /// and the pointers move, all in one transaction; refused when the working version changed since <paramref name="seenStamp"/>.
    /// </summary>
    public async Task<LifecycleOutcome> PublishAsync(int agreementId, Guid seenStamp, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (await access.RefusalAsync(user, Roles.Administrator) is { } refused) return new(false, refused);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var agreement = await db.Agreements.Include(a => a.WorkingVersion).Include(a => a.InForceVersion)
            .SingleOrDefaultAsync(a => a.Id == agreementId, cancellationToken);
        if (agreement is null) return new(false, NotFound(agreementId));
        if (agreement.WorkingVersion is not { } working) return new(false, "این توافقنامه نسخه در دست تهیه‌ای برای انتشار ندارد.");
        if (!CanPublish(working.Status))
            return new(false, $"نسخه {PersianDigits.Format(working.Number)} در وضعیت «{Labels.Of(working.Status)}» است؛ تنها نسخه‌ای که کارشناس حقوقی تأیید کرده منتشر می‌شود.");

        db.Entry(working).Property(v => v.ConcurrencyStamp).OriginalValue = seenStamp;
        var now = clock.GetUtcNow();
        if (agreement.InForceVersion is { } previous)
        {
            previous.Status = AgreementStatus.Superseded;
            previous.UpdatedBy = user.Identity?.Name;
        }
        db.Transitions.Add(new VersionTransition { AgreementVersionId = working.Id, From = working.Status, To = AgreementStatus.Published, By = user.Identity?.Name ?? "ناشناس", At = now });
        if (agreement.InForceVersion is { } superseded)
            db.Transitions.Add(new VersionTransition { AgreementVersionId = superseded.Id, From = AgreementStatus.Published, To = AgreementStatus.Superseded, By = user.Identity?.Name ?? "ناشناس", At = now, Note = $"نسخه {PersianDigits.Of(working.Number)} جای آن را گرفت." });
        working.Status = AgreementStatus.Published;
        working.PublishedAt = now;
        working.PublishedBy = user.Identity?.Name;
        working.UpdatedBy = user.Identity?.Name;
        agreement.InForceVersion = working;
        agreement.WorkingVersion = null;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new(false, StaleMessage);
        }
        return new(true, $"نسخه {PersianDigits.Format(working.Number)} منتشر شد و اکنون در حال اجراست.", working.Number, working.ConcurrencyStamp);
    }

    /// <summary>Deletes the working draft; the version in force stays as it was.</summary>
    public async Task<LifecycleOutcome> DiscardDraftAsync(int agreementId, Guid seenStamp, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (await access.RefusalAsync(user, Roles.Administrator) is { } refused) return new(false, refused);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var agreement = await db.Agreements.SingleOrDefaultAsync(a => a.Id == agreementId, cancellationToken);
        if (agreement is null) return new(false, NotFound(agreementId));
        var draft = await AgreementStore.WithEverything(db.AgreementVersions).AsTracking()
            .SingleOrDefaultAsync(v => v.Id == agreement.WorkingVersionId, cancellationToken);
        if (draft is null) return new(false, "این توافقنامه پیش‌نویسی ندارد.");
        if (draft.Status != AgreementStatus.Draft)
            return new(false, $"نسخه {PersianDigits.Format(draft.Number)} در وضعیت «{Labels.Of(draft.Status)}» است و کنار گذاشتنی نیست.");
        if (agreement.InForceVersionId is null) return new(false, "این توافقنامه هنوز نسخه منتشرشده‌ای ندارد؛ تنها نسخه آن کنار گذاشتنی نیست.");

        db.Entry(draft).Property(v => v.ConcurrencyStamp).OriginalValue = seenStamp;
        agreement.WorkingVersionId = null;
        History.HistoryLog.Record(db, clock.GetUtcNow(), user.Identity?.Name ?? "ناشناس", ChangeSubject.AgreementVersion, agreement.EServiceId, agreementId, draft.Number,
            [new History.FieldChange("پیش‌نویس", $"نسخه {PersianDigits.Of(draft.Number)}", "کنار گذاشته شد")]);
        try
        {
            // The pointer first, then the rows it pointed at.
            await db.SaveChangesAsync(cancellationToken);
            db.AgreementVersions.Remove(draft);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new(false, StaleMessage);
        }
        return new(true, $"پیش‌نویس نسخه {PersianDigits.Format(draft.Number)} کنار گذاشته شد.", draft.Number);
    }

    /// <summary>Lets administrators publish a draft without legal approval; off unless configured (README).</summary>
    public const string DirectPublishSetting = "Review:AllowPublishWithoutApproval";

    /// <summary>Whether a working version in <paramref name="status"/> may be published: once approved, or a draft where the setting allows it.</summary>
    public bool CanPublish(AgreementStatus status) =>
        status == AgreementStatus.Approved || (status == AgreementStatus.Draft && configuration.GetValue<bool>(DirectPublishSetting));

    public const string StaleMessage = "این نسخه پس از بازشدن صفحه به دست دیگری تغییر کرده است؛ چیزی ذخیره نشد. صفحه را تازه کنید و دوباره بکوشید.";

    private static string NotFound(int agreementId) => $"توافقنامه‌ای با شناسه {PersianDigits.Format(agreementId)} نیست.";
}
