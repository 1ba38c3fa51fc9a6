namespace DrainOrchestrator.Simulator.Api.Patching;

/// <summary>The patch formats the API server accepts, by content type.</summary>
public enum PatchKind
{
    /// <summary><c>application/json-patch+json</c> (RFC 6902).</summary>
    Json,

    /// <summary><c>application/merge-patch+json</c> (RFC 7386).</summary>
    Merge,

    /// <summary><c>application/strategic-merge-patch+json</c>, built-in types only.</summary>
    StrategicMerge,
}
