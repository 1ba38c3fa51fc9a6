namespace DrainOrchestrator.Engine.Learning;

/// <summary>A Prometheus query that failed: the message names the URL and what went wrong; <see cref="IsRetryable"/> says whether asking again can help.</summary>
public sealed class PrometheusQueryException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PrometheusQueryException(string message, Uri url, bool isRetryable, Exception? inner = null)
        : base(message, inner)
    {
        Url = url;
        IsRetryable = isRetryable;
    }

    /// <summary>The query's URL (without credentials).</summary>
    public Uri Url { get; }

    /// <summary>True when the same query may succeed later (unreachable, timed out, 5xx, 429); false for a refusal or a bad answer.</summary>
    public bool IsRetryable { get; }
}
