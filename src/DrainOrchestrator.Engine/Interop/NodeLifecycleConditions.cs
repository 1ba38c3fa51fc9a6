using DrainOrchestrator.Kubernetes.Models;

namespace DrainOrchestrator.Engine.Interop;

/// <summary>
/// The node lifecycle conditions a drain publishes (Kubernetes' NodeLifecycleConditions, alpha in 1.37):
/// <c>DrainInProgress</c> is True while the drain moves VMs off the node, <c>Drained</c> is True once it has. A writer
/// sets a condition False when its state ends; the reason is a stable CamelCase word, the message says more.
/// <c>lastTransitionTime</c> changes only when the status does, so re-marking after a crash keeps the original time.
/// </summary>
public static class NodeLifecycleConditions
{
    /// <summary>The node is being drained.</summary>
    public const string DrainInProgress = "DrainInProgress";

    /// <summary>The node reached the drain's criteria: every VM it was to move left it.</summary>
    public const string Drained = "Drained";

    /// <summary>
    /// The two conditions for <paramref name="mark"/>, each keeping the <c>lastTransitionTime</c> that
    /// <paramref name="current"/> (the node as last seen; null if unknown) shows when its status is unchanged.
    /// </summary>
    public static IReadOnlyList<NodeCondition> For(NodeLifecycleMark mark, string message, Node? current, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        var (inProgress, drained, reason) = mark switch
        {
            NodeLifecycleMark.Started => (true, false, "DrainStarted"),
            NodeLifecycleMark.Succeeded => (false, true, "DrainSucceeded"),
            NodeLifecycleMark.Failed => (false, false, "DrainFailed"),
            NodeLifecycleMark.Cancelled => (false, false, "DrainCancelled"),
            NodeLifecycleMark.Uncordoned => (false, false, "NodeUncordoned"),
            NodeLifecycleMark.Suspended => (false, false, "DrainSuspended"),
            _ => throw new ArgumentOutOfRangeException(nameof(mark)),
        };
        return [Condition(DrainInProgress, inProgress, reason, message, current, now), Condition(Drained, drained, reason, message, current, now)];
    }

    private static NodeCondition Condition(string type, bool value, string reason, string message, Node? current, DateTimeOffset now)
    {
        var status = value ? "True" : "False";
        var was = current?.Status?.Conditions?.FirstOrDefault(c => c.Type == type);
        return new NodeCondition
        {
            Type = type,
            Status = status,
            Reason = reason,
            Message = message,
            LastHeartbeatTime = now,
            LastTransitionTime = was?.Status == status && was.LastTransitionTime is { } since ? since : now,
        };
    }
}
