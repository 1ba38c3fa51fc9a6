namespace DrainOrchestrator.Core.Snapshot;

/// <summary>The effect of a node taint, as Kubernetes spells it.</summary>
public enum TaintEffect
{
    /// <summary>New pods are not scheduled unless they tolerate the taint.</summary>
    NoSchedule,

    /// <summary>A soft preference; placement ignores it, like a required-only scheduler would.</summary>
    PreferNoSchedule,

    /// <summary>New pods are not scheduled and running pods are evicted unless they tolerate the taint.</summary>
    NoExecute,
}
