using System.Text.Json.Serialization;

namespace DrainOrchestrator.Persistence.Journal.Events;

/// <summary>What other tools see of a drain: the node lifecycle conditions and the node-maintenance lease.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<InteropFeature>))]
public enum InteropFeature
{
    /// <summary>The node conditions <c>DrainInProgress</c> and <c>Drained</c> (PATCH nodes/NAME/status).</summary>
    NodeConditions,

    /// <summary>The coordination Lease <c>node-NAME</c> that node-maintenance-operator and NodeHealthCheck share.</summary>
    MaintenanceLease,
}

/// <summary>
/// The cluster refused something that only tells other tools about the drain (403 Forbidden, 422 Invalid, or a missing
/// lease namespace): the drain goes on without it. Journaled once per feature and drain, with how to fix it.
/// </summary>
/// <param name="Feature">What was refused.</param>
/// <param name="Node">The node it was refused for first.</param>
/// <param name="Reason">What the API server answered, in words.</param>
/// <param name="Fix">What an operator changes so that the next drain gets it.</param>
[JournalEvent("interop.refused", 1)]
public sealed record InteropRefused(InteropFeature Feature, string Node, string Reason, string Fix) : JournalEvent
{
    /// <summary>The refusal as one line for status and reports.</summary>
    public string Describe() => $"{(Feature == InteropFeature.NodeConditions ? "node conditions" : "maintenance lease")} not set " +
        $"(first refused for node {Node}): {Reason}. {Fix}";
}
