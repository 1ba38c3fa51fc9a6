using System.Globalization;
using System.Threading.RateLimiting;
using DrainOrchestrator.Server.Api;
using DrainOrchestrator.Server.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace DrainOrchestrator.Server.Limits;

/// <summary>
/// A token bucket per caller (the authenticated name, else the client address), so one noisy script cannot starve the
/// others; the probes and /metrics are never limited. A refused request gets 429, a Retry-After and a problem document.
/// The buckets refill on System.Threading.RateLimiting's own timer: its limiters take no TimeProvider.
/// </summary>
internal static class RateLimitingExtensions
{
    private static readonly string[] Unlimited = ["/healthz", "/readyz", "/metrics"];

    public static IServiceCollection AddDrainRateLimiting(this IServiceCollection services, ApiLimitOptions limits)
    {
        services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                Unlimited.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.Ordinal))
                    ? RateLimitPartition.GetNoLimiter("unlimited")
                    : RateLimitPartition.GetTokenBucketLimiter(PartitionKey(context), _ => new TokenBucketRateLimiterOptions
                    {
                        TokenLimit = limits.Burst,
                        TokensPerPeriod = limits.RequestsPerSecond,
                        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                        QueueLimit = 0,
                        AutoReplenishment = true,
                    }));
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) && wait > TimeSpan.Zero
                    ? wait
                    : TimeSpan.FromSeconds(1);
                var seconds = (int)Math.Ceiling(retryAfter.TotalSeconds);
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                context.HttpContext.RequestServices.GetRequiredService<ServerMetrics>().RequestRateLimited(context.HttpContext.Request.Method);
                return new ValueTask(ApiProblems.RateLimited(limits, seconds).ExecuteAsync(context.HttpContext));
            };
        });
        return services;
    }

    // The caller's name when the request authenticated (tokens are per person or script), else its address.
    private static string PartitionKey(HttpContext context) =>
        context.User.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name }
            ? "caller:" + name
            : "address:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
}
