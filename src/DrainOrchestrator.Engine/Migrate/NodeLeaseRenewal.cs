using DrainOrchestrator.Engine.Interop;
using DrainOrchestrator.Engine.Workflow;
using DrainOrchestrator.Kubernetes.Errors;
using DrainOrchestrator.Persistence.Journal.Events;

namespace DrainOrchestrator.Engine.Migrate;

/// <summary>
/// Keeps the node Leases taken at the lock step from expiring while the migrate loop runs: every node's on the loop's
/// first pass (a take-over refreshes what the crashed owner took), then each once a third of
/// <see cref="DrainEngineOptions.NodeLeaseDuration"/> has passed since its last renewal. A Lease someone else took after
/// it expired is journaled (<c>node.lease_lost</c>) once per loss and taken back at a later renewal once free; the drain
/// goes on meanwhile (its nodes are cordoned and their VMs must leave anyway). A failed API call is retried at the next
/// pass; a refusal (no lease namespace, no RBAC) is reported once (<c>interop.refused</c>) and asked again a third later.
/// </summary>
internal sealed class NodeLeaseRenewal(DrainContext context)
{
    private readonly Dictionary<string, DateTimeOffset> _renewedAt = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _lostTo = new(StringComparer.Ordinal);

    private TimeSpan Interval => context.Options.NodeLeaseDuration / 3;

    /// <summary>
    /// The earliest renewal due after <paramref name="now"/>, if any; one already due (a failed renewal) is retried at
    /// the next pass, whenever that comes.
    /// </summary>
    public DateTimeOffset? NextDueAfter(DateTimeOffset now)
    {
        DateTimeOffset? next = null;
        foreach (var renewed in _renewedAt.Values)
        {
            var due = renewed + Interval;
            if (due > now && (next is null || due < next))
            {
                next = due;
            }
        }

        return next;
    }

    /// <summary>Renews the Lease of every node whose renewal is due.</summary>
    public async Task RenewDueAsync(CancellationToken cancellationToken)
    {
        if (context.IsMoveBack)
        {
            // A move-back took no node Lease: its nodes stay in service.
            return;
        }

        var now = context.Time.GetUtcNow();
        foreach (var node in context.Nodes)
        {
            if (_renewedAt.TryGetValue(node, out var renewed) && now - renewed < Interval)
            {
                continue;
            }

            string? other;
            try
            {
                other = await context.Actions.AcquireNodeLeaseAsync(node, context.NodeLeaseHolder,
                    context.Options.NodeLeaseDuration, cancellationToken);
            }
            catch (KubernetesApiException ex) when (InteropRefusals.Classify(InteropFeature.MaintenanceLease, node, context.Actions.LeaseNamespace, ex) is not null)
            {
                // Refused (no namespace, no RBAC): reported once; asked again at the next renewal.
                await context.Interop.HandleAsync(InteropFeature.MaintenanceLease, node, ex, cancellationToken);
                _renewedAt[node] = now;
                continue;
            }
            catch (KubernetesApiException ex)
            {
                EngineLog.NodeLeaseRenewalFailed(context.Logger, node, ex.Message);
                continue;
            }

            if (other is null)
            {
                if (_lostTo.Remove(node))
                {
                    EngineLog.NodeLeaseRetaken(context.Logger, node);
                }
            }
            else if (!_lostTo.TryGetValue(node, out var known) || known != other)
            {
                await context.Writer.WriteAsync(new NodeLeaseLost(node, other), null, cancellationToken);
                _lostTo[node] = other;
                EngineLog.NodeLeaseLost(context.Logger, node, other);
            }

            _renewedAt[node] = now;
        }
    }
}
