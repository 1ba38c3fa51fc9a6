namespace DrainOrchestrator.Simulator.Cluster;

internal sealed partial class ClusterController
{
    /// <summary>
    /// Someone deleted the Node object (<c>kubectl delete node</c>): as for a node that went down for good, migrations
    /// into it fail and the guests still on it are lost (restarted cold elsewhere per their run strategy). Its
    /// deletion is published once; it never comes back. Null when done, else what is wrong.
    /// </summary>
    public string? DeleteNode(string name)
    {
        if (!State.Nodes.TryGetValue(name, out var node) || node.Deleted)
        {
            return $"unknown node \"{name}\"";
        }

        node.Deleted = true;
        EvictForReboot(node, $"node {name} was deleted");
        NodeConditionsChanged(node);
        return null;
    }
}
