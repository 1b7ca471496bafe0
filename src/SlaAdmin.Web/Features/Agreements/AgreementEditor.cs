using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SlaAdmin.Auth;
using SlaAdmin.Data;
using SlaAdmin.Data.Entities;
using SlaAdmin.Features.Agreements.Workbook;
using SlaAdmin.Features.History;
using SlaAdmin.Persian;

namespace SlaAdmin.Features.Agreements;

/// <summary>The working version as an editor opens it.</summary>
public sealed record WorkingDraft(int AgreementId, int ServiceId, int Number, AgreementStatus Status, Guid Stamp, AgreementContent Content, int? InForceNumber);

/// <summary>Someone else saved the draft after this user opened it: what they changed, who, when, and the draft as it is now.</summary>
public sealed record DraftConflict(IReadOnlyList<FieldChange> TheirChanges, string? By, DateTimeOffset At, AgreementContent Current, Guid CurrentStamp);

public sealed record DraftSaveOutcome(bool Succeeded, string Message, Guid? Stamp = null, IReadOnlyList<ContentProblem>? Problems = null, DraftConflict? Conflict = null);

/// <summary>
/// Creates agreements from the national template and saves the working version. Every save carries
/// the content and stamp the user opened, is refused when someone saved since (with what they changed),
/// stores nothing half-valid, and records its history. Content in legal review does not change; a
/// change to an approved version withdraws the approval.
/// </summary>
public sealed class AgreementEditor(IDbContextFactory<SlaDbContext> dbFactory, AccessCheck access, TimeProvider clock)
{
    /// <summary>A new agreement for a service without one: version 1, a draft with the standard wording of every section.</summary>
    public async Task<(int? AgreementId, string Message)> CreateFromTemplateAsync(int serviceId, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (await access.RefusalAsync(user, Roles.Administrator) is { } refused) return (null, refused);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var service = await db.Services.Include(s => s.Provider).Include(s => s.Recipients).Include(s => s.Agreement)
            .SingleOrDefaultAsync(s => s.Id == serviceId, cancellationToken);
        if (service is null) return (null, "این خدمت در فهرست نیست.");
        if (service.Agreement is not null) return (service.Agreement.Id, "این خدمت پیش‌تر توافقنامه دارد.");

        var recipients = service.Recipients.Count == 0 ? null : string.Join("، ", service.Recipients.Select(r => r.Name).Order(StringComparer.Ordinal));
        var version = StandardClauses.Template(service.Title, service.Provider.Name, recipients).ToVersion(1, AgreementStatus.Draft);
        version.UpdatedBy = Name(user);
        var agreement = new Agreement { EService = service };
        agreement.Versions.Add(version);
        db.Agreements.Add(agreement);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            agreement.WorkingVersion = version;
            HistoryLog.Record(db, clock.GetUtcNow(), Name(user), ChangeSubject.AgreementVersion, serviceId, agreement.Id, 1,
                [new FieldChange("توافقنامه", null, "از قالب ملی ساخته شد (پیش‌نویس نسخه ۱)")]);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return (null, "هم‌زمان کس دیگری برای این خدمت توافقنامه ساخت؛ صفحه را تازه کنید.");
        }
        return (agreement.Id, $"توافقنامه «{service.Title}» از قالب ملی ساخته شد؛ اکنون بخش‌ها را ویرایش کنید.");
    }

    /// <summary>The working version with its content, or null when the agreement has none (or does not exist).</summary>
    public async Task<WorkingDraft?> LoadWorkingAsync(int agreementId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var pointers = await db.Agreements.AsNoTracking().Where(a => a.Id == agreementId)
            .Select(a => new { a.WorkingVersionId, a.EServiceId, InForce = a.InForceVersion == null ? (int?)null : a.InForceVersion.Number })
            .FirstOrDefaultAsync(cancellationToken);
        if (pointers?.WorkingVersionId is not { } workingId) return null;
        var version = await AgreementStore.WithEverything(db.AgreementVersions).SingleAsync(v => v.Id == workingId, cancellationToken);
        return new WorkingDraft(agreementId, pointers.EServiceId, version.Number, version.Status, version.ConcurrencyStamp, AgreementContent.Of(version), pointers.InForce);
    }

    /// <summary>
    /// Saves <paramref name="edited"/> as the working version's content, over the content the user opened
    /// (<paramref name="original"/>, under <paramref name="seenStamp"/>).
    /// </summary>
    public async Task<DraftSaveOutcome> SaveAsync(int agreementId, AgreementContent original, Guid seenStamp, AgreementContent edited, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (await access.RefusalAsync(user, Roles.Administrator) is { } refused) return new(false, refused);
        edited = edited.Normalized();
        var problems = AgreementRules.Validate(edited);
        if (problems.Count > 0) return new(false, "پیش‌نویس ذخیره نشد؛ خطاها را درست کنید.", Problems: problems);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var agreement = await db.Agreements.SingleOrDefaultAsync(a => a.Id == agreementId, cancellationToken);
        if (agreement?.WorkingVersionId is not { } workingId) return new(false, "این توافقنامه نسخه در دست تهیه‌ای ندارد؛ نخست «ویرایش» را بزنید تا پیش‌نویس ساخته شود.");
        var working = await AgreementStore.WithEverything(db.AgreementVersions).AsTracking().SingleAsync(v => v.Id == workingId, cancellationToken);
        if (working.ConcurrencyStamp != seenStamp) return Conflict(working, original);
        if (working.Status == AgreementStatus.InReview)
            return new(false, $"نسخه {PersianDigits.Of(working.Number)} در بررسی حقوقی است و متن آن تا پایان بررسی تغییر نمی‌کند.");

        var before = AgreementContent.Of(working);
        var changes = Changes(before, edited);
        if (changes.Count == 0) return new(true, "تغییری نبود.", working.ConcurrencyStamp);

        db.Entry(working).Property(v => v.ConcurrencyStamp).OriginalValue = seenStamp;
        edited.WriteTo(working);
        working.UpdatedBy = Name(user);
        var now = clock.GetUtcNow();
        if (working.Status == AgreementStatus.Approved)
        {
            // Approval is of the exact content the reviewer read: any change withdraws it.
            db.Transitions.Add(new VersionTransition
            {
                AgreementVersionId = working.Id, From = AgreementStatus.Approved, To = AgreementStatus.Draft, By = Name(user), At = now,
                Note = "تأیید با تغییر متن پس گرفته شد.",
            });
            working.Status = AgreementStatus.Draft;
        }
        HistoryLog.Record(db, now, Name(user), ChangeSubject.AgreementVersion, agreement.EServiceId, agreementId, working.Number, changes);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            await using var fresh = await dbFactory.CreateDbContextAsync(cancellationToken);
            var now2 = await AgreementStore.WithEverything(fresh.AgreementVersions).SingleAsync(v => v.Id == workingId, cancellationToken);
            return Conflict(now2, original);
        }
        return new(true, $"پیش‌نویس نسخه {PersianDigits.Of(working.Number)} ذخیره شد.", working.ConcurrencyStamp);
    }

    /// <summary>What changed between two contents, as history rows: fields, then rows added, removed, changed and moved.</summary>
    public static IReadOnlyList<FieldChange> Changes(AgreementContent? before, AgreementContent after)
    {
        var parts = ImportDiff.Parts(before, after);
        return
        [
            .. ImportDiff.Fields(before, after),
            .. parts.SelectMany(p => p.Added.Concat(p.Removed).Concat(p.Changed)),
            .. parts.SelectMany(p => p.Moved).Select(c => c with { Field = $"{c.After} (جابه‌جا)" }),
        ];
    }

    private static DraftSaveOutcome Conflict(AgreementVersion now, AgreementContent original)
    {
        var current = AgreementContent.Of(now);
        return new(false, $"این پیش‌نویس پس از بازشدن صفحه به دست {now.UpdatedBy ?? "دیگری"} تغییر کرد؛ چیزی ذخیره نشد.",
            Conflict: new DraftConflict(Changes(original, current), now.UpdatedBy, now.UpdatedAt, current, now.ConcurrencyStamp));
    }

    private static string Name(ClaimsPrincipal user) => user.Identity?.Name ?? "ناشناس";
}
