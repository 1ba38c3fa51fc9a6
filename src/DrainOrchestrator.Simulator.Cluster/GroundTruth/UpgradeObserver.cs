namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>
/// The ground truth of node upgrades, from the change stream alone: every upgrade as last seen, and every pod the
/// observer itself saw on a node while it was down for its upgrade's reboot. The second is kept apart from the
/// upgrader's own account, so that "no VM was on a node while it rebooted" is judged by an outside witness.
/// </summary>
internal sealed class UpgradeObserver
{
    private readonly List<NodeUpgradeSnapshot> _upgrades = [];
    private readonly Dictionary<int, int> _indexById = [];
    private readonly Dictionary<string, (string Namespace, string Vmi, string Pod, string Node)> _boundPods = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _rebooting = new(StringComparer.Ordinal);
    private readonly List<GuestOnRebootingNode> _guests = [];

    public IReadOnlyList<NodeUpgradeSnapshot> Upgrades => [.. _upgrades];

    public IReadOnlyList<GuestOnRebootingNode> GuestsOnRebootingNodes => [.. _guests];

    public void Observe(NodeUpgradeChanged change)
    {
        var upgrade = change.Upgrade;
        if (_indexById.TryGetValue(upgrade.Id, out var index))
        {
            _upgrades[index] = upgrade;
        }
        else
        {
            _indexById[upgrade.Id] = _upgrades.Count;
            _upgrades.Add(upgrade);
        }

        if (upgrade.State != UpgradeState.Rebooting)
        {
            _rebooting.Remove(upgrade.Node);
            return;
        }

        if (_rebooting.TryAdd(upgrade.Node, upgrade.Id))
        {
            foreach (var pod in _boundPods.Values.Where(p => p.Node == upgrade.Node).OrderBy(p => p.Pod, StringComparer.Ordinal))
            {
                _guests.Add(new GuestOnRebootingNode(change.At, upgrade.Node, upgrade.Id, pod.Namespace, pod.Vmi, pod.Pod));
            }
        }
    }

    public void Observe(PodChanged change)
    {
        var pod = change.Pod;
        if (pod.NodeName is not { } node)
        {
            return;
        }

        var key = ClusterKeys.Of(pod.Namespace, pod.Name);
        var isNew = !_boundPods.ContainsKey(key);
        _boundPods[key] = (pod.Namespace, pod.VmiName, pod.Name, node);
        if (isNew && _rebooting.TryGetValue(node, out var upgradeId))
        {
            _guests.Add(new GuestOnRebootingNode(change.At, node, upgradeId, pod.Namespace, pod.VmiName, pod.Name));
        }
    }

    public void Observe(PodDeleted change) => _boundPods.Remove(ClusterKeys.Of(change.Pod.Namespace, change.Pod.Name));
}
