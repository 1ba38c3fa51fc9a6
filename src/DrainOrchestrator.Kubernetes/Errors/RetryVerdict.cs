namespace DrainOrchestrator.Kubernetes.Errors;

/// <summary>What a caller may do after a failed API call.</summary>
public enum RetryVerdict
{
    /// <summary>Repeating the same request cannot succeed (400, 401, 403, 404, 422, 409 AlreadyExists...).</summary>
    Permanent,

    /// <summary>A write lost an optimistic-concurrency race (409 Conflict): read the object again, reapply, retry.</summary>
    RereadAndRetry,

    /// <summary>The server is overloaded, failing or slow (429, 5xx, timeouts, transport errors): wait, then retry.</summary>
    BackOff,

    /// <summary>The resource version or continue token is too old (410 Gone / Expired): start again from a fresh list.</summary>
    Relist,
}
