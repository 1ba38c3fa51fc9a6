using System.Net;
using DrainOrchestrator.Kubernetes.Errors;
using DrainOrchestrator.Kubernetes.Logging;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace DrainOrchestrator.Kubernetes.Client.Retry;

/// <summary>
/// Runs one logical call with retries (Polly): only back-off failures are repeated, non-idempotent requests only when
/// the server provably did not act on them, Retry-After wins over the computed delay, and the total time is bounded.
/// Waits go through the injected <see cref="TimeProvider"/> and end early on cancellation.
/// </summary>
internal sealed class RetryPipeline
{
    private static readonly ResiliencePropertyKey<CallInfo> CallKey = new("DrainOrchestrator.Kubernetes.Call");

    private readonly KubernetesRetryOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline _pipeline;

    public RetryPipeline(KubernetesRetryOptions options, TimeProvider timeProvider, ILogger logger)
    {
        options.Validate();
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
        _pipeline = options.MaxAttempts == 1
            ? ResiliencePipeline.Empty
            : new ResiliencePipelineBuilder { TimeProvider = timeProvider }
                .AddRetry(new RetryStrategyOptions
                {
                    MaxRetryAttempts = options.MaxAttempts - 1,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = options.BaseDelay,
                    MaxDelay = options.MaxDelay,
                    ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome.Exception, args.Context)),
                    DelayGenerator = args => ValueTask.FromResult(ServerRequestedDelay(args.Outcome.Exception)),
                    OnRetry = args =>
                    {
                        var call = args.Context.Properties.GetValue(CallKey, new CallInfo("?", "?", RequestSafety.Idempotent, default));
                        KubernetesLog.Retrying(_logger, call.Method, call.Path, args.AttemptNumber + 1, args.RetryDelay.TotalMilliseconds,
                            args.Outcome.Exception?.Message);
                        return ValueTask.CompletedTask;
                    },
                })
                .Build();
    }

    /// <summary>Runs <paramref name="attempt"/> until it succeeds, fails for good, or the retry budget is spent.</summary>
    public async Task<TResult> ExecuteAsync<TResult, TState>(
        HttpMethod method,
        string path,
        RequestSafety safety,
        Func<TState, CancellationToken, Task<TResult>> attempt,
        TState state,
        CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        try
        {
            context.Properties.Set(CallKey, new CallInfo(method.Method, path, safety, _timeProvider.GetUtcNow()));
            return await _pipeline.ExecuteAsync(
                static async (ctx, s) => await s.attempt(s.state, ctx.CancellationToken).ConfigureAwait(false),
                context,
                (attempt, state)).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private bool ShouldRetry(Exception? failure, ResilienceContext context)
    {
        if (failure is not KubernetesApiException { Verdict: RetryVerdict.BackOff } error
            || !context.Properties.TryGetValue(CallKey, out var call))
        {
            return false;
        }

        // A 429 is the server's admission control refusing the request before any handler ran.
        var safeToRepeat = call.Safety == RequestSafety.Idempotent || error.RequestNotSent
            || error.StatusCode == HttpStatusCode.TooManyRequests;
        if (!safeToRepeat)
        {
            return false;
        }

        var elapsed = _timeProvider.GetUtcNow() - call.StartedAt;
        var wait = error.RetryAfter ?? TimeSpan.Zero;
        return wait <= _options.MaxRetryAfter && elapsed + wait < _options.MaxTotalTime;
    }

    private static TimeSpan? ServerRequestedDelay(Exception? failure)
        => failure is KubernetesApiException { RetryAfter: { } retryAfter } ? retryAfter : null;

    private sealed record CallInfo(string Method, string Path, RequestSafety Safety, DateTimeOffset StartedAt);
}
