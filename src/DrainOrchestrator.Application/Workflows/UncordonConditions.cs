using DrainOrchestrator.Application.Clusters;
using DrainOrchestrator.Engine.Interop;
using DrainOrchestrator.Kubernetes.Errors;
using DrainOrchestrator.Persistence.Journal.Events;
using DrainOrchestrator.Persistence.Workflows;

namespace DrainOrchestrator.Application.Workflows;

/// <summary>
/// A node a workflow uncordons is back in service: its lifecycle conditions (set by the drain) turn False with reason
/// NodeUncordoned. A node without them is left alone; a refusal goes into the workflow's journal and never fails the step.
/// </summary>
internal static class UncordonConditions
{
    public static async Task MarkAsync(ClusterConnection cluster, WorkflowStore store, Guid instance, string step, IEnumerable<string> nodes,
        TimeProvider time, CancellationToken cancellationToken)
    {
        foreach (var node in nodes)
        {
            var current = cluster.View.Current.FindNode(node);
            if (current?.Status?.Conditions?.Any(c => c.Type is NodeLifecycleConditions.Drained or NodeLifecycleConditions.DrainInProgress) != true)
            {
                continue;
            }

            var conditions = NodeLifecycleConditions.For(NodeLifecycleMark.Uncordoned, $"uncordoned by workflow step {step}", current, time.GetUtcNow());
            try
            {
                await cluster.Actions.SetNodeConditionsAsync(node, conditions, cancellationToken);
            }
            catch (KubernetesApiException ex)
            {
                if (InteropRefusals.Classify(InteropFeature.NodeConditions, node, cluster.Actions.LeaseNamespace, ex) is { } refusal)
                {
                    await store.JournalAsync(instance, refusal, cancellationToken);
                    return;
                }
            }
        }
    }
}
