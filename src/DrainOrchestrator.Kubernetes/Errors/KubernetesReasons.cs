namespace DrainOrchestrator.Kubernetes.Errors;

/// <summary>The <c>reason</c> values of meta/v1 Status that the retry decision depends on.</summary>
public static class KubernetesReasons
{
    /// <summary>409: a write raced another (stale resourceVersion).</summary>
    public const string Conflict = "Conflict";

    /// <summary>409: a create hit an existing name.</summary>
    public const string AlreadyExists = "AlreadyExists";

    /// <summary>410: the resource version or continue token has expired.</summary>
    public const string Expired = "Expired";

    /// <summary>410: the resource version is too old for a watch.</summary>
    public const string Gone = "Gone";

    /// <summary>404.</summary>
    public const string NotFound = "NotFound";

    /// <summary>422: validation or admission failed.</summary>
    public const string Invalid = "Invalid";

    /// <summary>400.</summary>
    public const string BadRequest = "BadRequest";

    /// <summary>401.</summary>
    public const string Unauthorized = "Unauthorized";

    /// <summary>403.</summary>
    public const string Forbidden = "Forbidden";

    /// <summary>429: throttled; Retry-After says when to come back.</summary>
    public const string TooManyRequests = "TooManyRequests";

    /// <summary>500 with a retry suggestion: the server could not finish in time.</summary>
    public const string ServerTimeout = "ServerTimeout";

    /// <summary>504: the request timed out.</summary>
    public const string Timeout = "Timeout";

    /// <summary>503.</summary>
    public const string ServiceUnavailable = "ServiceUnavailable";

    /// <summary>500.</summary>
    public const string InternalError = "InternalError";
}
