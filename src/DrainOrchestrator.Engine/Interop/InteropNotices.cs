using DrainOrchestrator.Engine.Workflow;
using DrainOrchestrator.Kubernetes.Errors;
using DrainOrchestrator.Persistence.Journal.Events;

namespace DrainOrchestrator.Engine.Interop;

/// <summary>
/// Reports what the cluster refused of the interoperation (conditions, the maintenance lease) once per feature and
/// drain: the first refusal is journaled (<see cref="InteropRefused"/>) and logged, later ones (other nodes, renewals, a
/// run after a take-over that reads the journal) are not. A refusal fails the drain only under the policy's
/// requireInterop, and then before any VM moves (the callers decide).
/// </summary>
internal sealed class InteropNotices(DrainContext context)
{
    private HashSet<InteropFeature>? _reported;

    /// <summary>
    /// Handles a failed interop call: a refusal is reported once and returned; a transient failure is logged and null is
    /// returned (the caller tries again when it next would).
    /// </summary>
    public async Task<InteropRefused?> HandleAsync(InteropFeature feature, string node, KubernetesApiException error, CancellationToken cancellationToken)
    {
        var refusal = InteropRefusals.Classify(feature, node, context.Actions.LeaseNamespace, error, context.Policy.RequireInterop);
        if (refusal is null)
        {
            EngineLog.InteropFailed(context.Logger, feature.ToString(), node, error.Message);
            return null;
        }

        _reported ??= [.. (await context.Journal.ReadAsync<InteropRefused>(context.Id, cancellationToken)).Select(e => e.Feature)];
        if (_reported.Add(feature))
        {
            await context.Writer.WriteAsync(refusal, null, cancellationToken);
            if (error.IsNotFound)
            {
                EngineLog.InteropNotInstalled(context.Logger, context.Drain.Name, refusal.Describe());
            }
            else
            {
                EngineLog.InteropRefused(context.Logger, context.Drain.Name, refusal.Describe());
            }
        }

        return refusal;
    }
}
