using System.Net;

namespace DrainOrchestrator.Kubernetes.Errors;

/// <summary>Decides the <see cref="RetryVerdict"/> of a failed call from its HTTP status and Kubernetes reason.</summary>
public static class RetryClassifier
{
    /// <summary>Classifies an HTTP status with the optional Kubernetes reason of its Status body.</summary>
    public static RetryVerdict Classify(HttpStatusCode statusCode, string? reason)
    {
        // The reason is more precise than the code where the two disagree: a 500 ServerTimeout is a timeout.
        switch (reason)
        {
            case KubernetesReasons.AlreadyExists:
                return RetryVerdict.Permanent;
            case KubernetesReasons.Conflict:
                return RetryVerdict.RereadAndRetry;
            case KubernetesReasons.Expired or KubernetesReasons.Gone:
                return RetryVerdict.Relist;
            case KubernetesReasons.ServerTimeout or KubernetesReasons.Timeout or KubernetesReasons.TooManyRequests
                or KubernetesReasons.ServiceUnavailable or KubernetesReasons.InternalError:
                return RetryVerdict.BackOff;
            default:
                break;
        }

        var code = (int)statusCode;
        return code switch
        {
            409 => RetryVerdict.RereadAndRetry,
            410 => RetryVerdict.Relist,
            408 or 429 => RetryVerdict.BackOff,
            >= 500 and <= 599 => code == 501 ? RetryVerdict.Permanent : RetryVerdict.BackOff,
            _ => RetryVerdict.Permanent,
        };
    }
}
