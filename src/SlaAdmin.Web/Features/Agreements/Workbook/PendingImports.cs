using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using SlaAdmin.Data;
using SlaAdmin.Data.Entities;

namespace SlaAdmin.Features.Agreements.Workbook;

/// <summary>
/// Previews waiting to be applied, by token, in the database: any instance can show and apply a preview
/// another made (behind a load balancer the next request may land elsewhere, and a restart loses nothing).
/// Taking one deletes its row in one conditional statement, so of two applies at the same moment one
/// gets the model and the other nothing. Expired previews are deleted whenever a new one is stored.
/// </summary>
public sealed class PendingImports(IDbContextFactory<SlaDbContext> dbFactory, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    public const string UsedMessage = "این پیش‌نمایش پیش‌تر اعمال شده یا کهنه شده است؛ چیزی نوشته نشد. اگر لازم است فایل را دوباره بارگذاری کنید.";
    public const string ExpiredMessage = "این پیش‌نمایش بیش از ۳۰ دقیقه پیش ساخته شده و کهنه شده است؛ چیزی نوشته نشد. فایل را دوباره بارگذاری کنید.";
    public const string OtherUserMessage = "این پیش‌نمایش را کاربر دیگری ساخته است و تنها خود او می‌تواند آن را اعمال کند؛ چیزی نوشته نشد. اگر لازم است فایل را خودتان بارگذاری کنید.";

    private static readonly JsonSerializerOptions Json = new()
    {
        // Computed properties (counts, locations) are derived again on reading.
        IgnoreReadOnlyProperties = true,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Stores a preview (without its token) and the model it would apply; returns the token.</summary>
    public async Task<Guid> AddAsync(AgreementWorkbookModel model, ImportPreview preview, string user, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.ImportPreviews.Where(p => p.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
        var stored = new StoredImportPreview
        {
            Token = Guid.NewGuid(),
            UserKey = user,
            AgreementId = model.AgreementId,
            CreatedAt = now,
            ExpiresAt = now + Lifetime,
            Model = JsonSerializer.Serialize(model, Json),
            Preview = JsonSerializer.Serialize(preview with { Token = null }, Json),
        };
        db.ImportPreviews.Add(stored);
        await db.SaveChangesAsync(cancellationToken);
        return stored.Token;
    }

    /// <summary>The preview stored under <paramref name="token"/> for <paramref name="user"/>, with its token; or why not, in Persian.</summary>
    public async Task<(ImportPreview? Preview, string? Refusal)> FindAsync(Guid token, string user, CancellationToken cancellationToken = default)
    {
        var (stored, refusal) = await LookUpAsync(token, user, cancellationToken);
        return stored is null ? (null, refusal) : (JsonSerializer.Deserialize<ImportPreview>(stored.Preview, Json)! with { Token = token }, null);
    }

    /// <summary>
    /// The model previewed under <paramref name="token"/> by <paramref name="user"/>, deleted; or why not,
    /// in Persian (unknown, taken, expired or someone else's).
    /// </summary>
    public async Task<(AgreementWorkbookModel? Model, string? Refusal)> TakeAsync(Guid token, string user, CancellationToken cancellationToken = default)
    {
        var (stored, refusal) = await LookUpAsync(token, user, cancellationToken);
        if (stored is null) return (null, refusal);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // The delete decides: of two applies at once, only one deletes the row.
        var taken = await db.ImportPreviews.Where(p => p.Token == token && p.UserKey == user).ExecuteDeleteAsync(cancellationToken);
        return taken == 1 ? (JsonSerializer.Deserialize<AgreementWorkbookModel>(stored.Model, Json), null) : (null, UsedMessage);
    }

    private async Task<(StoredImportPreview? Stored, string? Refusal)> LookUpAsync(Guid token, string user, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.ImportPreviews.AsNoTracking().SingleOrDefaultAsync(p => p.Token == token, cancellationToken);
        if (stored is null) return (null, UsedMessage);
        if (stored.UserKey != user) return (null, OtherUserMessage);
        if (stored.ExpiresAt <= clock.GetUtcNow().UtcDateTime) return (null, ExpiredMessage);
        return (stored, null);
    }
}
