using Microsoft.EntityFrameworkCore;
using SlaAdmin.Data;
using SlaAdmin.Data.Entities;

namespace SlaAdmin.Features.History;

/// <summary>One change as the history list shows it.</summary>
public sealed record HistoryEntry(DateTimeOffset At, string By, ChangeSubject Subject, int? VersionNumber, string Field, string? OldValue, string? NewValue);

/// <summary>
/// Writes and reads the history of services, agreement versions and checklists. Rows are added in the
/// same SaveChanges as the change they describe, so a change is never saved without its history.
/// </summary>
public sealed class HistoryLog(IDbContextFactory<SlaDbContext> dbFactory)
{
    /// <summary>Adds one row per change to <paramref name="db"/> (saved with the change itself).</summary>
    public static void Record(SlaDbContext db, DateTimeOffset at, string by, ChangeSubject subject, int? serviceId, int? agreementId, int? versionNumber,
        IEnumerable<FieldChange> changes)
    {
        foreach (var change in changes)
        {
            db.History.Add(new ChangeRecord
            {
                At = at, By = by, Subject = subject, ServiceId = serviceId, AgreementId = agreementId, VersionNumber = versionNumber,
                ClauseId = change.ClauseId, Field = change.Field, OldValue = change.Before, NewValue = change.After,
            });
        }
    }

    public async Task<IReadOnlyList<HistoryEntry>> ForServiceAsync(int serviceId, int take = 200, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Entries(db.History.Where(h => h.ServiceId == serviceId && h.Subject == ChangeSubject.Service), take, cancellationToken);
    }

    public async Task<IReadOnlyList<HistoryEntry>> ForAgreementAsync(int agreementId, int take = 200, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Entries(db.History.Where(h => h.AgreementId == agreementId), take, cancellationToken);
    }

    private static async Task<IReadOnlyList<HistoryEntry>> Entries(IQueryable<ChangeRecord> rows, int take, CancellationToken cancellationToken) =>
        await rows.AsNoTracking()
            .OrderByDescending(h => h.Id)
            .Take(take)
            .Select(h => new HistoryEntry(h.At, h.By, h.Subject, h.VersionNumber, h.Field, h.OldValue, h.NewValue))
            .ToListAsync(cancellationToken);
}

/// <summary>One field or clause that changed: where (in Persian), before and after (null when absent).</summary>
public sealed record FieldChange(string Field, string? Before, string? After, Guid? ClauseId = null);
