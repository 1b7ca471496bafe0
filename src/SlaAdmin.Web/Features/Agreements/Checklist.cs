using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SlaAdmin.Auth;
using SlaAdmin.Data;
using SlaAdmin.Data.Entities;
using SlaAdmin.Features.History;
using SlaAdmin.Persian;
using SlaAdmin.Vocabulary;

namespace SlaAdmin.Features.Agreements;

/// <summary>The latest check of one obligation.</summary>
public sealed record CheckStatus(Guid ClauseId, CheckState State, string? Note, string By, DateTimeOffset At, int VersionNumber);

/// <summary>
/// Compliance checks of the obligations of the version in force. A check attaches to the clause's
/// identity, so it still shows on a later version whose obligation is the same clause.
/// </summary>
public sealed class Checklist(IDbContextFactory<SlaDbContext> dbFactory, AccessCheck access, TimeProvider clock)
{
    /// <summary>The latest check of every obligation of the agreement that was ever checked, by clause.</summary>
    public async Task<IReadOnlyDictionary<Guid, CheckStatus>> LatestAsync(int agreementId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var checks = await db.ObligationChecks.AsNoTracking().Where(c => c.AgreementId == agreementId).OrderBy(c => c.Id)
            .Select(c => new CheckStatus(c.ClauseId, c.State, c.Note, c.By, c.At, c.VersionNumber))
            .ToListAsync(cancellationToken);
        return checks.GroupBy(c => c.ClauseId).ToDictionary(g => g.Key, g => g.Last());
    }

    /// <summary>Records a check of one obligation of the version in force.</summary>
    public async Task<(bool Succeeded, string Message)> CheckAsync(int agreementId, Guid clauseId, CheckState state, string? note, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (await access.RefusalAsync(user, Roles.Administrator) is { } refused) return (false, refused);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var inForce = await db.Agreements.AsNoTracking().Where(a => a.Id == agreementId).Select(a => a.InForceVersion).FirstOrDefaultAsync(cancellationToken);
        if (inForce is null) return (false, "تعهدات تنها در نسخه در حال اجرا بررسی می‌شوند و این توافقنامه هنوز نسخه منتشرشده‌ای ندارد.");
        var obligation = await db.Obligations.AsNoTracking().FirstOrDefaultAsync(o => o.AgreementVersionId == inForce.Id && o.ClauseId == clauseId, cancellationToken);
        if (obligation is null) return (false, "این تعهد در نسخه در حال اجرا نیست.");
        var clean = AgreementContent.Clean(note);
        if (clean is { Length: > 2000 }) return (false, "یادداشت بیش از ۲۰۰۰ نویسه است.");

        var now = clock.GetUtcNow();
        db.ObligationChecks.Add(new ObligationCheck
        {
            AgreementId = agreementId, ClauseId = clauseId, VersionNumber = inForce.Number, State = state, Note = clean, By = Name(user), At = now,
        });
        var where = $"بررسی تعهد {Labels.Of(obligation.Side)}، ردیف {PersianDigits.Of(obligation.Order)}";
        HistoryLog.Record(db, now, Name(user), ChangeSubject.Checklist, null, agreementId, inForce.Number,
            [new FieldChange(where, null, clean is null ? Labels.Of(state) : $"{Labels.Of(state)}: {clean}", clauseId)]);
        await db.SaveChangesAsync(cancellationToken);
        return (true, $"{where}: {Labels.Of(state)}");
    }

    private static string Name(ClaimsPrincipal user) => user.Identity?.Name ?? "ناشناس";
}
