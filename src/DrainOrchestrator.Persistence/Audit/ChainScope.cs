namespace DrainOrchestrator.Persistence.Audit;

/// <summary>What a chain of journal records belongs to (stored as <c>drain</c>, <c>workflow</c> or <c>none</c>).</summary>
public enum ChainScope
{
    /// <summary>The records of one drain (drain_id set).</summary>
    Drain,

    /// <summary>The records of one workflow instance (workflow_instance_id set, no drain_id).</summary>
    Workflow,

    /// <summary>The records of neither; one chain whose id is <see cref="Guid.Empty"/>.</summary>
    None,
}
