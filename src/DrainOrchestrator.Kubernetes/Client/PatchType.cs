namespace DrainOrchestrator.Kubernetes.Client;

/// <summary>The patch formats the API server accepts.</summary>
public enum PatchType
{
    /// <summary>JSON merge patch (RFC 7386): <c>application/merge-patch+json</c>.</summary>
    Merge,

    /// <summary>Kubernetes strategic merge patch (built-in kinds only): <c>application/strategic-merge-patch+json</c>.</summary>
    StrategicMerge,

    /// <summary>JSON patch (RFC 6902), e.g. a <c>test</c> then a <c>replace</c>: <c>application/json-patch+json</c>.</summary>
    Json,
}
