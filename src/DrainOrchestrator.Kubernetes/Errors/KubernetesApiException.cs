using System.Net;
using DrainOrchestrator.Kubernetes.Models;

namespace DrainOrchestrator.Kubernetes.Errors;

/// <summary>
/// A failed Kubernetes API call: the HTTP status, the Kubernetes reason and message, any Retry-After, and a
/// <see cref="Verdict"/> that tells the caller whether and how a retry can succeed.
/// </summary>
public sealed partial class KubernetesApiException : Exception
{
    /// <summary>Creates an exception for a failed call.</summary>
    public KubernetesApiException(
        HttpStatusCode? statusCode,
        string? reason,
        string message,
        TimeSpan? retryAfter = null,
        Status? status = null,
        RetryVerdict? verdict = null,
        Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        Reason = reason;
        RetryAfter = retryAfter;
        Status = status;
        Verdict = verdict ?? (statusCode is { } code ? RetryClassifier.Classify(code, reason) : RetryVerdict.BackOff);
    }

    /// <summary>Creates an exception with only a message; the verdict is <see cref="RetryVerdict.Permanent"/>.</summary>
    public KubernetesApiException()
        : this(null, null, "The Kubernetes API call failed.", verdict: RetryVerdict.Permanent)
    {
    }

    /// <summary>Creates an exception with only a message; the verdict is <see cref="RetryVerdict.Permanent"/>.</summary>
    public KubernetesApiException(string message)
        : this(null, null, message, verdict: RetryVerdict.Permanent)
    {
    }

    /// <summary>Creates an exception wrapping a cause; the verdict is <see cref="RetryVerdict.Permanent"/>.</summary>
    public KubernetesApiException(string message, Exception innerException)
        : this(null, null, message, verdict: RetryVerdict.Permanent, innerException: innerException)
    {
    }

    /// <summary>The HTTP status, or <see langword="null"/> when no response arrived (timeout, connection failure).</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>The Kubernetes reason, e.g. <c>Conflict</c> or <c>NotFound</c>, when the server sent a Status.</summary>
    public string? Reason { get; }

    /// <summary>How long the server asked the client to wait, from the Retry-After header or the Status details.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>The Status body, when the server sent one.</summary>
    public Status? Status { get; }

    /// <summary>What the caller may do next.</summary>
    public RetryVerdict Verdict { get; }

    /// <summary>
    /// True when the failure proves the request never reached the API server (DNS, connection refused, TLS handshake), so
    /// even a non-idempotent request such as a create may be sent again without risk of doing it twice.
    /// </summary>
    public bool RequestNotSent { get; init; }

    /// <summary>Whether some retry (possibly after a re-read or a relist) can succeed.</summary>
    public bool IsRetryable => Verdict != RetryVerdict.Permanent;

    /// <summary>True for 404 Not Found.</summary>
    public bool IsNotFound => StatusCode == HttpStatusCode.NotFound;

    /// <summary>True for 409 AlreadyExists (a create found the name taken).</summary>
    public bool IsAlreadyExists => Reason == KubernetesReasons.AlreadyExists;

    /// <summary>True for 409 Conflict (a stale resourceVersion).</summary>
    public bool IsConflict => StatusCode == HttpStatusCode.Conflict && !IsAlreadyExists;

    /// <summary>True for 403 Forbidden (RBAC or an admission policy refused the caller).</summary>
    public bool IsForbidden => StatusCode == HttpStatusCode.Forbidden;

    /// <summary>True for 422 Unprocessable Entity (the server refused the object's content, e.g. an unknown condition).</summary>
    public bool IsInvalid => StatusCode == HttpStatusCode.UnprocessableEntity;
}
