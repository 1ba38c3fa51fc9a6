namespace DrainOrchestrator.Simulator.Api.Store;

/// <summary>The options of a delete, as DeleteOptions carries them.</summary>
public sealed record DeleteRequest
{
    /// <summary>A plain delete.</summary>
    public static DeleteRequest Default { get; } = new();

    /// <summary>Delete only if the uid matches.</summary>
    public string? PreconditionUid { get; init; }

    /// <summary>Delete only if the resourceVersion matches.</summary>
    public string? PreconditionResourceVersion { get; init; }

    /// <summary>Orphan, Background or Foreground. Accepted; there is no garbage collector, so dependents stay.</summary>
    public string? PropagationPolicy { get; init; }
}
