using Microsoft.Extensions.Logging;

namespace DrainOrchestrator.Kubernetes.Logging;

/// <summary>
/// Every log message of this library, source-generated, with stable event ids (4000-4099). Messages carry methods,
/// paths, statuses and durations; never a header, a token, a certificate or a key.
/// </summary>
internal static partial class KubernetesLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Debug, Message = "{Method} {Path} -> {StatusCode} in {DurationMs:F1} ms")]
    public static partial void RequestCompleted(ILogger logger, string method, string path, int statusCode, double durationMs);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Debug, Message = "{Method} {Path} -> no response after {DurationMs:F1} ms: {Failure}")]
    public static partial void RequestFailed(ILogger logger, string method, string path, double durationMs, string failure);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Debug, Message = "{Method} {Path}: retry {Attempt} in {DelayMs:F0} ms after: {Failure}")]
    public static partial void Retrying(ILogger logger, string method, string path, int attempt, double delayMs, string? failure);

    [LoggerMessage(EventId = 4010, Level = LogLevel.Debug, Message = "{Resource}: listed {Count} objects at resourceVersion {ResourceVersion}")]
    public static partial void Listed(ILogger logger, string resource, int count, string? resourceVersion);

    [LoggerMessage(EventId = 4011, Level = LogLevel.Debug, Message = "{Resource}: watch from resourceVersion {ResourceVersion} ended after {Events} events; reconnecting")]
    public static partial void WatchEnded(ILogger logger, string resource, string? resourceVersion, int events);

    [LoggerMessage(EventId = 4012, Level = LogLevel.Debug, Message = "{Resource}: watch failed, reconnecting in {DelayMs:F0} ms: {Failure}")]
    public static partial void WatchReconnecting(ILogger logger, string resource, double delayMs, string? failure);

    [LoggerMessage(EventId = 4013, Level = LogLevel.Information, Message = "{Resource}: resourceVersion {ResourceVersion} expired; listing again")]
    public static partial void Relisting(ILogger logger, string resource, string? resourceVersion);

    [LoggerMessage(EventId = 4014, Level = LogLevel.Warning, Message = "{Resource}: list and watch stopped by a permanent error: {Failure}")]
    public static partial void ListWatchFailed(ILogger logger, string resource, string failure);

    [LoggerMessage(EventId = 4015, Level = LogLevel.Warning, Message = "{Resource}: list or watch refused, the cache no longer follows the server; trying again in {DelayMs:F0} ms: {Failure}")]
    public static partial void ListWatchRefused(ILogger logger, string resource, double delayMs, string failure);

    [LoggerMessage(EventId = 4020, Level = LogLevel.Debug, Message = "{Resource} informer synced with {Count} objects")]
    public static partial void InformerSynced(ILogger logger, string resource, int count);
}
