using System.Net;
using System.Threading.Channels;
using DrainOrchestrator.Kubernetes.Errors;
using DrainOrchestrator.Kubernetes.Logging;
using DrainOrchestrator.Kubernetes.Models;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace DrainOrchestrator.Kubernetes.Client.Watching;

/// <summary>
/// Keeps one list-then-watch going until cancelled: lists (streamed), watches from the list's resource version with
/// bookmarks, resumes from the last version seen whenever a watch ends or drops, lists again after a 410, and backs off
/// (Polly: exponential with jitter, Retry-After honoured, through the client's clock) while attempts fail without
/// progress. A permanent error (403, 404 of an uninstalled CRD...) ends it before the first list; after it, a 401, 403
/// or 404 is retried with the same back-off and a fresh list (permissions can be restored, a CRD reinstalled), and every
/// failure shows in <see cref="ListWatchOptions.Health"/>, so a frozen cache is never silent.
/// </summary>
internal sealed class ListWatchRunner<T>
    where T : KubernetesObject, IKubernetesResource<T>
{
    private readonly KubernetesClient _client;
    private readonly string? _namespace;
    private readonly ListWatchOptions _options;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline _reconnect;
    private readonly string _resource = T.Resource.Plural;
    private string? _resourceVersion;
    private bool _needsList = true;
    private bool _listedOnce;

    public ListWatchRunner(KubernetesClient client, string? @namespace, ListWatchOptions options, ILogger logger)
    {
        options.Validate();
        _client = client;
        _namespace = @namespace;
        _options = options;
        _logger = logger;
        _reconnect = new ResiliencePipelineBuilder { TimeProvider = client.TimeProvider }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.ReconnectBaseDelay,
                MaxDelay = options.ReconnectMaxDelay,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome.Exception)),
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Exception is KubernetesApiException { RetryAfter: { } wait } ? wait : (TimeSpan?)null),
                OnRetry = args =>
                {
                    _options.Health?.Failed(client.TimeProvider.GetUtcNow(), args.Outcome.Exception!);
                    if (IsRefusal(args.Outcome.Exception))
                    {
                        // What changed while we were refused is unknown: list again once let back in.
                        _needsList = true;
                        KubernetesLog.ListWatchRefused(_logger, _resource, args.RetryDelay.TotalMilliseconds, args.Outcome.Exception!.Message);
                    }

                    KubernetesLog.WatchReconnecting(_logger, _resource, args.RetryDelay.TotalMilliseconds, args.Outcome.Exception?.Message);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    // Back-off failures always; refusals (401, 403, 404) only once the first list succeeded: at start-up they are the
    // caller's to report, later they may be mended (RBAC restored, a CRD reinstalled) and the cache must not freeze.
    private bool ShouldRetry(Exception? error) => error is KubernetesApiException { Verdict: RetryVerdict.BackOff or RetryVerdict.Relist }
        || (_listedOnce && IsRefusal(error));

    private static bool IsRefusal(Exception? error) => error is KubernetesApiException
    {
        Verdict: RetryVerdict.Permanent,
        StatusCode: HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound,
    };

    /// <summary>Runs until cancelled (completing <paramref name="output"/>) or a permanent error (completing it with the error).</summary>
    public async Task RunAsync(ChannelWriter<ListWatchEvent<T>> output, CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                // Each execution is one list-or-watch that made progress; the back-off count starts over after it.
                await _reconnect.ExecuteAsync(static (state, ct) => state.runner.RunSessionAsync(state.output, ct),
                    (runner: this, output), cancellationToken).ConfigureAwait(false);
            }

            output.TryComplete();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            output.TryComplete();
        }
        catch (Exception ex)
        {
            KubernetesLog.ListWatchFailed(_logger, _resource, ex.Message);
            output.TryComplete(ex);
        }
    }

    // Returns when it made progress (the caller goes again at once); throws when it failed without (the caller backs off).
    private async ValueTask RunSessionAsync(ChannelWriter<ListWatchEvent<T>> output, CancellationToken cancellationToken)
    {
        var justListed = false;
        if (_needsList)
        {
            await ListAsync(output, cancellationToken).ConfigureAwait(false);
            justListed = true;
        }

        var started = _client.TimeProvider.GetUtcNow();
        var delivered = 0;
        var opened = false;
        using var deadline = new CancellationTokenSource(_options.WatchTimeout + _options.ClientTimeoutGrace, _client.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var watchOptions = new WatchOptions
        {
            ResourceVersion = _resourceVersion,
            AllowBookmarks = true,
            LabelSelector = _options.LabelSelector,
            FieldSelector = _options.FieldSelector,
            Timeout = _options.WatchTimeout,
        };
        try
        {
            await foreach (var watchEvent in _client.WatchAsync<T>(_namespace, watchOptions, () =>
            {
                opened = true;
                MarkInSync();
            }, linked.Token).ConfigureAwait(false))
            {
                delivered++;
                MarkInSync();
                await ForwardAsync(watchEvent, output, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (KubernetesApiException ex) when (ex.Verdict == RetryVerdict.Relist)
        {
            KubernetesLog.Relisting(_logger, _resource, _resourceVersion);
            _needsList = true;
            if (justListed && delivered == 0)
            {
                throw; // a fresh version already expired: back off rather than list in a loop
            }

            return;
        }
        // A watch cut after it stood open a while kept the cache current until then: that is progress too, or a quiet
        // kind whose watches the server (or a proxy) cuts would back off ever longer and look stale.
        catch (KubernetesApiException ex) when (ex.Verdict == RetryVerdict.BackOff
            && (delivered > 0 || justListed || (opened && _client.TimeProvider.GetUtcNow() - started >= _options.MinHealthyWatch)))
        {
            KubernetesLog.WatchEnded(_logger, _resource, _resourceVersion, delivered);
            return;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            if (delivered > 0 || justListed)
            {
                KubernetesLog.WatchEnded(_logger, _resource, _resourceVersion, delivered);
                return;
            }

            throw new KubernetesApiException(null, KubernetesReasons.Timeout,
                $"Kubernetes API: the watch of {_resource} outlived its timeout without a word", verdict: RetryVerdict.BackOff);
        }

        KubernetesLog.WatchEnded(_logger, _resource, _resourceVersion, delivered);
        if (delivered == 0 && !justListed && _client.TimeProvider.GetUtcNow() - started < _options.MinHealthyWatch)
        {
            throw new KubernetesApiException(null, null,
                $"Kubernetes API: the watch of {_resource} ended at once without events", verdict: RetryVerdict.BackOff);
        }
    }

    private async Task ListAsync(ChannelWriter<ListWatchEvent<T>> output, CancellationToken cancellationToken)
    {
        var listOptions = new ListOptions
        {
            LabelSelector = _options.LabelSelector,
            FieldSelector = _options.FieldSelector,
            Limit = _options.PageSize,
        };
        var metadata = new ListMeta();
        var items = new List<T>();
        await foreach (var item in _client.StreamItemsAsync<T>(_namespace, listOptions, metadata, retry: false, cancellationToken)
            .ConfigureAwait(false))
        {
            items.Add(item);
        }

        _resourceVersion = metadata.ResourceVersion;
        _needsList = false;
        _options.Health?.Listed(_client.TimeProvider.GetUtcNow());
        KubernetesLog.Listed(_logger, _resource, items.Count, _resourceVersion);
        await output.WriteAsync(ListWatchEvent<T>.Listed(items, _resourceVersion, _listedOnce), cancellationToken).ConfigureAwait(false);
        _listedOnce = true;
    }

    private void MarkInSync() => _options.Health?.Delivered(_client.TimeProvider.GetUtcNow());

    private ValueTask ForwardAsync(WatchEvent<T> watchEvent, ChannelWriter<ListWatchEvent<T>> output, CancellationToken cancellationToken)
    {
        var version = watchEvent.Object?.Metadata.ResourceVersion;
        var type = watchEvent.Type switch
        {
            WatchEventTypes.Added => ListWatchEventType.Added,
            WatchEventTypes.Modified => ListWatchEventType.Modified,
            WatchEventTypes.Deleted => ListWatchEventType.Deleted,
            _ => (ListWatchEventType?)null, // BOOKMARK (and anything newer): only the resume point moves
        };
        if (!string.IsNullOrEmpty(version))
        {
            _resourceVersion = version;
        }

        return type is { } changed && watchEvent.Object is { } changedObject
            ? output.WriteAsync(ListWatchEvent<T>.Changed(changed, changedObject), cancellationToken)
            : ValueTask.CompletedTask;
    }
}
