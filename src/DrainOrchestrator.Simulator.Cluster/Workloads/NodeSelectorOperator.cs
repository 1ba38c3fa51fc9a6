namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>Operators of a node selector requirement in required node affinity.</summary>
public enum NodeSelectorOperator
{
    /// <summary>The label value is one of the values.</summary>
    In,

    /// <summary>The label is absent or its value is none of the values.</summary>
    NotIn,

    /// <summary>The label exists.</summary>
    Exists,

    /// <summary>The label does not exist.</summary>
    DoesNotExist,
}
