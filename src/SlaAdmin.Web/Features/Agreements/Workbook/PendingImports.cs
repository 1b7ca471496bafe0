using System.Collections.Concurrent;

namespace SlaAdmin.Features.Agreements.Workbook;

/// <summary>
/// Previews waiting to be applied, by token. Taking one removes it, so the same preview can be
/// applied once only, however often the button is pressed. Kept in memory: a restart drops them and
/// the user uploads again.
/// </summary>
public sealed class PendingImports(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    private readonly ConcurrentDictionary<Guid, (AgreementWorkbookModel Model, string User, DateTimeOffset At)> _entries = new();

    public Guid Add(AgreementWorkbookModel model, string user)
    {
        var now = clock.GetUtcNow();
        foreach (var (token, entry) in _entries)
        {
            if (now - entry.At > Lifetime) _entries.TryRemove(token, out _);
        }
        var id = Guid.NewGuid();
        _entries[id] = (model, user, now);
        return id;
    }

    /// <summary>The model previewed under <paramref name="token"/> by <paramref name="user"/>, removed; null when unknown, taken, expired or someone else's.</summary>
    public AgreementWorkbookModel? Take(Guid token, string user)
    {
        if (!_entries.TryGetValue(token, out var entry) || entry.User != user) return null;
        if (!_entries.TryRemove(new KeyValuePair<Guid, (AgreementWorkbookModel, string, DateTimeOffset)>(token, entry))) return null;
        return clock.GetUtcNow() - entry.At > Lifetime ? null : entry.Model;
    }
}
