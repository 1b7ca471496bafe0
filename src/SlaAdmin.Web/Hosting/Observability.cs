using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace SlaAdmin.Hosting;

/// <summary>Health endpoints for the orchestrator and JSON logs for the log collector.</summary>
public static class Observability
{
    /// <summary>Health checks tagged so are run by <c>/health/ready</c> (the database is).</summary>
    public const string ReadyTag = "ready";

    public static WebApplicationBuilder AddSlaObservability(this WebApplicationBuilder builder)
    {
        // One JSON object a line, UTC, for whatever collects the container's output; Development keeps
        // the readable simple console. The round-trip format "O" is written the same in every culture: a
        // custom pattern would follow the app's fa-IR culture and write Jalali years (1405-09-11...Z).
        if (!builder.Environment.IsDevelopment())
        {
            builder.Logging.AddJsonConsole(o =>
            {
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "O";
            });
        }
        return builder;
    }

    /// <summary>
    /// <c>/health/live</c>: the process answers (no check, no database), for restarts.
    /// <c>/health/ready</c>: the database answers too, for taking traffic. <c>/health</c>: every check.
    /// </summary>
    public static WebApplication MapSlaHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) }).AllowAnonymous();
        return app;
    }
}
