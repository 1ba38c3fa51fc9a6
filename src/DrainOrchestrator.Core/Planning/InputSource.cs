namespace DrainOrchestrator.Core.Planning;

/// <summary>
/// Where one input of the cost model (a guest's dirty rate, a migration's bandwidth) came from. The planner takes the
/// first it has, in this order: an operator's annotation, the metrics, earlier migrations, the assumed default.
/// </summary>
public enum InputSource
{
    /// <summary>The operator's hint annotation (on the VMI, its VM's template, or the source node).</summary>
    Annotation,

    /// <summary>KubeVirt's metric, read from Prometheus (<c>kubevirt_vmi_dirty_rate_bytes_per_second</c>).</summary>
    Metrics,

    /// <summary>Earlier migrations of the VMI or out of its node, as recorded in PostgreSQL.</summary>
    Observed,

    /// <summary>The cost model's assumption (<see cref="CostModelOptions"/>).</summary>
    Default,
}
