using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace SlaAdmin.Auth;

/// <summary>
/// At most <c>SignIn:RateLimit:PermitLimit</c> sign-in posts per client address in each
/// <c>SignIn:RateLimit:Window</c> (10 a minute by default), whoever they are for; more answer 429 in
/// Persian. The client address is the proxy's forwarded one only from a configured proxy (EdgeSetup).
/// </summary>
public static class SignInRateLimit
{
    public const string TooManyAttempts = "از نشانی شما بیش از اندازه برای ورود تلاش شده است؛ چند دقیقهٔ دیگر دوباره بکوشید.";

    public static IServiceCollection AddSignInRateLimit(this IServiceCollection services, IConfiguration configuration)
    {
        var permits = configuration.GetValue("SignIn:RateLimit:PermitLimit", 10);
        var window = configuration.GetValue("SignIn:RateLimit:Window", TimeSpan.FromMinutes(1));

        return services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                IsSignInAttempt(context.Request)
                    ? RateLimitPartition.GetFixedWindowLimiter(ClientKey(context.Connection.RemoteIpAddress), _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = permits,
                        Window = window,
                        QueueLimit = 0,
                    })
                    : RateLimitPartition.GetNoLimiter(""));
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (rejected, cancellationToken) =>
            {
                var response = rejected.HttpContext.Response;
                if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }
                response.ContentType = "text/html; charset=utf-8";
                await response.WriteAsync(
                    $"<!DOCTYPE html><html lang=\"fa\" dir=\"rtl\"><head><meta charset=\"utf-8\"><title>تلاش بیش از اندازه</title></head>" +
                    $"<body><p>{TooManyAttempts}</p><p><a href=\"/Account/Login\">بازگشت به صفحهٔ ورود</a></p></body></html>",
                    cancellationToken);
            };
        });
    }

    private static bool IsSignInAttempt(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && request.Path.Equals(AuthSetup.LoginPath, StringComparison.OrdinalIgnoreCase);

    /// <summary>The address, or for IPv6 its /64 network: one host easily has a whole /64 to rotate through.</summary>
    internal static string ClientKey(IPAddress? address)
    {
        if (address is null) return "unknown";
        if (address.IsIPv4MappedToIPv6) return address.MapToIPv4().ToString();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
