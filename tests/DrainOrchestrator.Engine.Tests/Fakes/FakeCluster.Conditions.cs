using System.Net;
using DrainOrchestrator.Kubernetes.Errors;
using DrainOrchestrator.Kubernetes.Models;

namespace DrainOrchestrator.Engine.Tests.Fakes;

/// <summary>Node conditions: merged by type into the node's status, as a strategic merge patch does; refusable like RBAC.</summary>
internal sealed partial class FakeCluster
{
    /// <summary>When set, every node status patch is answered with this status (403, 422) instead of applied.</summary>
    public HttpStatusCode? RefuseNodeConditions { get; set; }

    /// <summary>How many node status patches arrived, refused ones included.</summary>
    public int NodeConditionPatches { get; private set; }

    public string LeaseNamespace => "medik8s-leases";

    public Task SetNodeConditionsAsync(string node, IReadOnlyList<NodeCondition> conditions, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            NodeConditionPatches++;
            if (RefuseNodeConditions is { } refused)
            {
                throw new KubernetesApiException(refused, refused.ToString(), $"nodes \"{node}\" is forbidden: cannot patch resource \"nodes/status\"");
            }

            var found = _nodes.SingleOrDefault(n => n.Metadata.Name == node)
                ?? throw new KubernetesApiException(HttpStatusCode.NotFound, "NotFound", $"nodes \"{node}\" not found");
            var status = found.Status ??= new NodeStatus();
            status.Conditions ??= [];
            foreach (var condition in conditions)
            {
                status.Conditions.RemoveAll(c => c.Type == condition.Type);
                status.Conditions.Add(condition);
            }
        }

        _signal.Bump();
        return Task.CompletedTask;
    }

    /// <summary>The condition <paramref name="type"/> of <paramref name="node"/>, or null.</summary>
    public NodeCondition? NodeCondition(string node, string type)
    {
        lock (_gate)
        {
            return _nodes.Single(n => n.Metadata.Name == node).Status?.Conditions?.FirstOrDefault(c => c.Type == type);
        }
    }
}
