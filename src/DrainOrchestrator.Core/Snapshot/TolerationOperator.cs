namespace DrainOrchestrator.Core.Snapshot;

/// <summary>How a toleration compares its value with a taint's.</summary>
public enum TolerationOperator
{
    /// <summary>Key and value must both be equal.</summary>
    Equal,

    /// <summary>Any value; with an empty key, any taint.</summary>
    Exists,
}
