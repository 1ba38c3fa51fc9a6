namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>The effect of a node taint, as Kubernetes defines it.</summary>
public enum TaintEffect
{
    /// <summary>New pods that do not tolerate the taint are not scheduled on the node.</summary>
    NoSchedule,

    /// <summary>The scheduler tries to avoid the node; it is never a hard filter.</summary>
    PreferNoSchedule,

    /// <summary>Like <see cref="NoSchedule"/>, and running pods that do not tolerate it would be evicted.</summary>
    NoExecute,
}
