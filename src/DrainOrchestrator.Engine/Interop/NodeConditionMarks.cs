using DrainOrchestrator.Engine.Workflow;
using DrainOrchestrator.Kubernetes.Errors;
using DrainOrchestrator.Persistence.Journal.Events;

namespace DrainOrchestrator.Engine.Interop;

/// <summary>
/// Publishes a drain's progress on its nodes as lifecycle conditions; what the cluster refuses is reported, and returned
/// for the policy's requireInterop to decide.
/// </summary>
internal static class NodeConditionMarks
{
    /// <summary>Marks <paramref name="nodes"/> (of the drain); returns the cluster's refusal, or null when it set them (or failed transiently).</summary>
    public static async Task<InteropRefused?> MarkAsync(DrainContext context, IEnumerable<string> nodes, NodeLifecycleMark mark, string message,
        CancellationToken cancellationToken)
    {
        foreach (var node in nodes)
        {
            var conditions = NodeLifecycleConditions.For(mark, message, context.View.Current.FindNode(node), context.Time.GetUtcNow());
            try
            {
                await context.Actions.SetNodeConditionsAsync(node, conditions, cancellationToken);
            }
            catch (KubernetesApiException ex) when (ex.IsNotFound)
            {
                // The node was deleted: nothing is left to mark (its end is journaled as node.gone).
            }
            catch (KubernetesApiException ex)
            {
                if (await context.Interop.HandleAsync(InteropFeature.NodeConditions, node, ex, cancellationToken) is { } refused)
                {
                    return refused; // refused for one node, refused for all: the same identity writes them.
                }
            }
        }

        return null;
    }
}
