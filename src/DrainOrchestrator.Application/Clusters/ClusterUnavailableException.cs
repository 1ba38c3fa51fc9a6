namespace DrainOrchestrator.Application.Clusters;

/// <summary>The cluster could not be configured or read; <see cref="IsRetryable"/> says whether trying again can help.</summary>
public sealed class ClusterUnavailableException : Exception
{
    public ClusterUnavailableException()
    {
    }

    public ClusterUnavailableException(string message)
        : base(message)
    {
    }

    public ClusterUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ClusterUnavailableException(string message, bool isConfiguration, bool isRetryable, Exception? innerException)
        : base(message, innerException) => (IsConfiguration, IsRetryable) = (isConfiguration, isRetryable);

    /// <summary>The configuration is wrong (bad input): no kubeconfig, an unknown context, a malformed file.</summary>
    public bool IsConfiguration { get; }

    /// <summary>Whether the same call may succeed later (the API server was unreachable or overloaded).</summary>
    public bool IsRetryable { get; }
}
