using DrainOrchestrator.Kubernetes.Errors;
using Microsoft.Extensions.Logging;

namespace DrainOrchestrator.Engine.Workflow;

/// <summary>
/// Rides out a Kubernetes API server that keeps failing a step's call beyond the client's own retries (a partition, a
/// restart, an overloaded server): the run waits with capped exponential backoff and runs its steps again from the
/// journal, as after a database outage, instead of ending. Only retryable failures count (transport, timeouts, 5xx,
/// 429); a refusal (403, 404, 422) is no outage. An outage is the span from its first failure to a re-run that works
/// for <see cref="Healed"/>; when it outlasts <see cref="DrainEngineOptions.ApiOutageTimeout"/> the run stops as
/// interrupted (<see cref="InfrastructureFailureException"/>), resumable. No VM is charged an attempt for it.
/// </summary>
internal sealed class ApiOutage(DrainEngineOptions options, TimeProvider time, ILogger logger, string drain)
{
    /// <summary>A re-run that goes this long before failing again means the API server worked meanwhile: a new outage.</summary>
    public static readonly TimeSpan Healed = TimeSpan.FromSeconds(60);

    private DateTimeOffset? _since;
    private DateTimeOffset _lastFailure;
    private int _tries;

    /// <summary>Whether <paramref name="exception"/> is an API outage to ride out rather than the end of the run.</summary>
    public static bool IsOutage(Exception exception, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested && exception is KubernetesApiException { IsRetryable: true };

    /// <summary>
    /// Waits before the steps run again. Throws <see cref="InfrastructureFailureException"/> when the outage has lasted
    /// longer than the timeout.
    /// </summary>
    public async Task RideOutAsync(KubernetesApiException failure, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_since is null || now - _lastFailure >= Healed)
        {
            (_since, _tries) = (now, 0);
        }

        _lastFailure = now;
        var elapsed = now - _since.Value;
        var remaining = options.ApiOutageTimeout - elapsed;
        if (remaining <= TimeSpan.Zero)
        {
            throw new InfrastructureFailureException(
                $"the Kubernetes API kept failing for {Seconds(elapsed)}s, longer than the API outage timeout of "
                + $"{Seconds(options.ApiOutageTimeout)}s (last error: {failure.Message}). The drain is intact: every step is journaled "
                + "and no VM was charged an attempt for it. Run the same command again to resume it once the API server answers.", failure);
        }

        var delay = DatabaseOutage.Backoff(_tries++, options.ApiRetryDelay, options.ApiRetryMaxDelay, Random.Shared.NextDouble());
        delay = delay < remaining ? delay : remaining;
        EngineLog.ApiOutageRiding(logger, drain, Seconds(elapsed), Seconds(delay), Seconds(options.ApiOutageTimeout), failure.Message);
        await Task.Delay(delay, time, cancellationToken);
    }

    private static double Seconds(TimeSpan span) => Math.Round(span.TotalSeconds, 1);
}
