namespace DrainOrchestrator.Application.Workflows;

/// <summary>
/// What a workflow's drains would do, batch by batch, before it runs: each batch drained in turn with the later batches'
/// nodes avoided and the earlier ones' preferred, as the run does, and the VMs that will move twice named with why.
/// </summary>
/// <param name="Workflow">The definition's name.</param>
/// <param name="Batches">The drains in the order they run (one for a workflow that drains without batches).</param>
public sealed record WorkflowPlanView(string Workflow, IReadOnlyList<BatchForecast> Batches)
{
    /// <summary>How many VMs the forecast moves twice across the whole workflow.</summary>
    public int MovesTwice => Batches.Sum(b => b.MovesTwice.Count);
}

/// <summary>One batch's drain as forecast.</summary>
/// <param name="Batch">0-based, as in the step keys (<c>batches[2]/drain</c>).</param>
/// <param name="Nodes">The batch's nodes.</param>
/// <param name="Migrations">VMs it live-migrates.</param>
/// <param name="Blocked">VMs it cannot move (the drain would refuse, or skip them, per policy).</param>
/// <param name="MovesTwice">VMs that must land on a later batch's node.</param>
public sealed record BatchForecast(int Batch, IReadOnlyList<string> Nodes, int Migrations, int Blocked, IReadOnlyList<DoubleMoveView> MovesTwice)
{
    /// <summary>The VMs the drain leaves in place (policy <c>skip</c>), each as "namespace/name: why".</summary>
    public IReadOnlyList<string> Skipped { get; init; } = [];

    /// <summary>The VMs it shuts down and starts elsewhere (policy <c>shutdown</c>), each as "namespace/name: why".</summary>
    public IReadOnlyList<string> Restarted { get; init; } = [];
}

/// <summary>A VM that will move twice: from where, to which later batch's node, and why.</summary>
public sealed record DoubleMoveView(string Vmi, string From, string To, string Why);
