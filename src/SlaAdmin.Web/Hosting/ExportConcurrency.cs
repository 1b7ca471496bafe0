using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace SlaAdmin.Hosting;

/// <summary>
/// At most <c>Exports:ConcurrentLimit</c> big exports (the register, the obligations, the catalogue, an
/// agreement's workbook) run at once on an instance, 2 by default: each holds a database reader and a
/// writer for its whole download, and a few at once were enough to take a server to gigabytes. The next
/// one waits for nobody: it is answered 503 at once with Retry-After and a Persian problem detail that
/// the export buttons show.
/// </summary>
public sealed class ExportConcurrency(int permits) : IRateLimiterPolicy<string>
{
    public const string Policy = "exports";
    public const string ConcurrentLimitKey = "Exports:ConcurrentLimit";
    public const int RetryAfterSeconds = 10;

    public const string BusyMessage = "هم‌اکنون چند فایل بزرگ دیگر در حال آماده‌شدن است؛ چند ثانیه دیگر دوباره تلاش کنید.";

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
        // One partition: the limit is for the instance, whoever asks.
        RateLimitPartition.GetConcurrencyLimiter("", _ => new ConcurrencyLimiterOptions { PermitLimit = permits, QueueLimit = 0 });

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = async (rejected, cancellationToken) =>
    {
        var response = rejected.HttpContext.Response;
        response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        response.Headers.CacheControl = "no-store";
        await Results.Problem(detail: BusyMessage, statusCode: StatusCodes.Status503ServiceUnavailable, title: "سرور سرگرم است")
            .ExecuteAsync(rejected.HttpContext);
    };
}

public static class ExportConcurrencySetup
{
    public static IServiceCollection AddExportConcurrency(this IServiceCollection services, IConfiguration configuration)
    {
        var permits = configuration.GetValue(ExportConcurrency.ConcurrentLimitKey, 2);
        return services.AddRateLimiter(options => options.AddPolicy(ExportConcurrency.Policy, new ExportConcurrency(permits)));
    }
}
