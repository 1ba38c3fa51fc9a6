using DrainOrchestrator.Simulator.Api.Resources;
using DrainOrchestrator.Simulator.Api.Selectors;

namespace DrainOrchestrator.Simulator.Api.Store;

/// <summary>What to watch and from where.</summary>
/// <param name="Type">The resource type.</param>
public sealed record WatchRequest(ResourceType Type)
{
    /// <summary>The namespace, or null for all namespaces.</summary>
    public string? Namespace { get; init; }

    /// <summary>The label selector.</summary>
    public LabelSelector Labels { get; init; } = LabelSelector.Everything;

    /// <summary>The field selector.</summary>
    public FieldSelector Fields { get; init; } = FieldSelector.Everything;

    /// <summary>
    /// Resume after this version; null (or 0) first replays the current objects as Added events, as a watch without
    /// resourceVersion does.
    /// </summary>
    public long? FromResourceVersion { get; init; }
}
