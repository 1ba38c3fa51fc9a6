namespace DrainOrchestrator.Core.Planning;

/// <summary>What the plan does with one VMI.</summary>
public enum PlanDisposition
{
    /// <summary>Live-migrate it.</summary>
    Migrate,

    /// <summary>Stop it and start it elsewhere through its run strategy (policy <c>shutdown</c>).</summary>
    Restart,

    /// <summary>Leave it and report it (policy <c>skip</c>).</summary>
    Skip,

    /// <summary>It cannot move and blocks the drain (policy <c>block</c>).</summary>
    Block,
}
