namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>A pod's (or VMI's) toleration of node taints (core/v1 Toleration).</summary>
public sealed class Toleration : WireModel
{
    /// <summary>Taint key matched; empty with operator Exists matches every taint.</summary>
    public string? Key { get; set; }

    /// <summary><c>Equal</c> (default) or <c>Exists</c>.</summary>
    public string? Operator { get; set; }

    /// <summary>Taint value matched by <c>Equal</c>.</summary>
    public string? Value { get; set; }

    /// <summary>Taint effect matched; empty matches all effects.</summary>
    public string? Effect { get; set; }

    /// <summary>How long a <c>NoExecute</c> taint is tolerated before eviction.</summary>
    public long? TolerationSeconds { get; set; }
}
