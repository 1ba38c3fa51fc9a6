namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>
/// drain-sim's external node upgrader, standing in for the Machine Config Operator, a kured-like reboot daemon or an OS
/// image updater: a node marked for upgrade (by the scenario, the target-version annotation or a request) is rebooted
/// once its trigger holds and the start delay has passed, is NotReady for the reboot, and comes back Ready with the target
/// kubelet version. It never reboots a node with guests on it unless told to (<see cref="OccupiedNodePolicy.Reboot"/>):
/// by default it refuses, records the refusal, and waits. Timings come from <see cref="UpgradeSettings"/>; jitter is a
/// pure function of the seed, the node and the attempt, so it does not depend on the order in which things happen.
/// </summary>
internal sealed class NodeUpgrader(ModelContext ctx, ClusterController controller, UpgradeSettings settings, int seed)
{
    private readonly List<NodeUpgrade> _upgrades = [];
    private readonly Dictionary<string, NodeUpgrade> _latest = new(StringComparer.Ordinal);
    private readonly List<NodeUpgrade> _waitingForNode = [];

    private DateTimeOffset Now => ctx.Now;

    /// <summary>Every upgrade so far, in the order the nodes were marked.</summary>
    public IReadOnlyList<NodeUpgradeSnapshot> Snapshots() => [.. _upgrades.Select(u => u.ToSnapshot())];

    /// <summary>Marks the nodes the scenario names or selects.</summary>
    public void MarkFromScenario()
    {
        if (!settings.MarksNodes)
        {
            return;
        }

        var named = settings.Nodes.ToHashSet(StringComparer.Ordinal);
        foreach (var node in ctx.State.NodeList.Where(n => named.Contains(n.Name) || settings.Selects(n.Labels)))
        {
            Request(new UpgradeRequest(node.Name, settings.TargetVersion!, UpgradeOrigin.Scenario));
        }
    }

    /// <summary>Marks a node; a pending upgrade of it takes the new target. A node down for its reboot cannot be re-marked.</summary>
    public UpgradeRequestResult Request(UpgradeRequest request)
    {
        if (!ctx.State.Nodes.TryGetValue(request.Node, out var node))
        {
            return Rejected($"unknown node \"{request.Node}\"");
        }

        if (string.IsNullOrWhiteSpace(request.TargetVersion))
        {
            return Rejected("the target version must be a non-empty string");
        }

        var trigger = request.Trigger ?? settings.Trigger;
        // The scenario's failures hit a node's first upgrade only, so that marking it again models an operator's retry.
        UpgradeFailure? FailureOf(int ordinal) => request.Fail
            ? new UpgradeFailure(node.Name, request.ReturnAfter)
            : settings.Failures.FirstOrDefault(f => ordinal == 0 && string.Equals(f.Node, node.Name, StringComparison.Ordinal));
        if (_latest.TryGetValue(node.Name, out var current) && current.State == UpgradeState.Rebooting)
        {
            return Rejected($"node {node.Name} is rebooting for its upgrade to {current.TargetVersion}; mark it again once it is back");
        }

        if (current is { IsPending: true })
        {
            if (string.Equals(node.KubeletVersion, request.TargetVersion, StringComparison.Ordinal))
            {
                Cancel(node.Name, $"marked again with {request.TargetVersion}, the version the node already runs");
                return new UpgradeRequestResult(UpgradeRequestStatus.AlreadyAtVersion, current.ToSnapshot(), null);
            }

            current.TargetVersion = request.TargetVersion;
            current.Trigger = trigger;
            current.Failure = FailureOf(current.NodeOrdinal);
            if (current.State == UpgradeState.Waiting)
            {
                TryTrigger(current);
            }

            Published(current);
            return new UpgradeRequestResult(UpgradeRequestStatus.Accepted, current.ToSnapshot(), null);
        }

        if (string.Equals(node.KubeletVersion, request.TargetVersion, StringComparison.Ordinal))
        {
            return new UpgradeRequestResult(UpgradeRequestStatus.AlreadyAtVersion, null, null);
        }

        var ordinal = _upgrades.Count(u => ReferenceEquals(u.Node, node));
        var upgrade = new NodeUpgrade
        {
            Id = _upgrades.Count + 1,
            Node = node,
            NodeOrdinal = ordinal,
            FromVersion = node.KubeletVersion,
            TargetVersion = request.TargetVersion,
            Origin = request.Origin,
            Trigger = trigger,
            MarkedAt = Now,
            Failure = FailureOf(ordinal),
        };
        _upgrades.Add(upgrade);
        _latest[node.Name] = upgrade;
        Wait(upgrade);
        TryTrigger(upgrade);
        Published(upgrade);
        return new UpgradeRequestResult(UpgradeRequestStatus.Accepted, upgrade.ToSnapshot(), null);
    }

    /// <summary>
    /// Takes a node's mark away: a pending upgrade is cancelled. Null when done (or there was nothing pending); the problem
    /// when the node is already down for its reboot.
    /// </summary>
    public string? Cancel(string nodeName, string why)
    {
        if (!_latest.TryGetValue(nodeName, out var upgrade))
        {
            return null;
        }

        if (upgrade.State == UpgradeState.Rebooting)
        {
            return $"node {nodeName} is rebooting for its upgrade to {upgrade.TargetVersion}; it can no longer be cancelled";
        }

        if (!upgrade.IsPending)
        {
            // The upgrade is over: the node keeps its state annotation and drops the target the client took away.
            upgrade.Node.UpgradeAnnotations = Annotations(upgrade, withTarget: false);
            return null;
        }

        upgrade.Generation++;
        _waitingForNode.Remove(upgrade);
        upgrade.State = UpgradeState.Cancelled;
        upgrade.FinishedAt = Now;
        upgrade.Message = why;
        Published(upgrade);
        return null;
    }

    /// <summary>
    /// After anything touched the nodes (a cordon, a pod bound or deleted): schedules the reboot of every node waiting for
    /// <see cref="UpgradeTrigger.CordonedAndEmpty"/> that is now cordoned and empty.
    /// </summary>
    public void Reconcile()
    {
        if (!ctx.NodesTouched)
        {
            return;
        }

        ctx.NodesTouched = false;
        foreach (var upgrade in _waitingForNode.ToArray())
        {
            if (TryTrigger(upgrade))
            {
                Published(upgrade);
            }
        }
    }

    /// <summary>Schedules the reboot of a waiting upgrade if its trigger holds; true when it did.</summary>
    private bool TryTrigger(NodeUpgrade upgrade)
    {
        var node = upgrade.Node;
        if (upgrade.Trigger == UpgradeTrigger.CordonedAndEmpty && !(node.Unschedulable && node.PodCount == 0))
        {
            return false;
        }

        Schedule(upgrade, settings.StartDelay + Jitter(upgrade, "start", upgrade.Generation + 1));
        return true;
    }

    private void Wait(NodeUpgrade upgrade)
    {
        upgrade.State = UpgradeState.Waiting;
        if (!_waitingForNode.Contains(upgrade))
        {
            _waitingForNode.Add(upgrade);
        }
    }

    private void Schedule(NodeUpgrade upgrade, TimeSpan delay)
    {
        var generation = ++upgrade.Generation;
        _waitingForNode.Remove(upgrade);
        upgrade.State = UpgradeState.Scheduled;
        upgrade.ScheduledAt = Now;
        upgrade.StartsAt = Now + delay;
        ctx.Schedule(delay, () =>
        {
            if (upgrade.Generation == generation && upgrade.State == UpgradeState.Scheduled)
            {
                Start(upgrade);
            }
        });
    }

    /// <summary>The start time came: check the node once more, then reboot it or call the start off.</summary>
    private void Start(NodeUpgrade upgrade)
    {
        var node = upgrade.Node;
        if (upgrade.Trigger == UpgradeTrigger.CordonedAndEmpty && !node.Unschedulable)
        {
            Refuse(upgrade, UpgradeRefusalReason.NotCordoned, Names(controller.GuestsOn(node)));
            return;
        }

        var guests = controller.GuestsOn(node);
        if (guests.Count > 0 && settings.OnOccupied == OccupiedNodePolicy.Refuse)
        {
            Refuse(upgrade, UpgradeRefusalReason.Occupied, Names(guests));
            return;
        }

        Reboot(upgrade);
    }

    private void Refuse(NodeUpgrade upgrade, UpgradeRefusalReason reason, IReadOnlyList<string> guests)
    {
        upgrade.Refusals.Add(new UpgradeRefusal(Now, reason, guests));
        if (upgrade.Trigger == UpgradeTrigger.Marked)
        {
            Schedule(upgrade, settings.RetryInterval);
        }
        else
        {
            Wait(upgrade);
            ctx.NodesTouched = true;
        }

        Published(upgrade);
    }

    private void Reboot(NodeUpgrade upgrade)
    {
        var node = upgrade.Node;
        upgrade.State = UpgradeState.Rebooting;
        upgrade.RebootStartedAt = Now;
        upgrade.FromVersion = node.KubeletVersion;
        upgrade.GuestsLost.AddRange(Names(controller.ResidentGuests(node)));
        // Published before the node goes down, so an observer sees what was still on it at that moment.
        ctx.Publish(new NodeUpgradeChanged(Now, upgrade.ToSnapshot()));
        node.RebootMessage =
            $"node is rebooting to upgrade the kubelet from {upgrade.FromVersion} to {upgrade.TargetVersion} (drain-sim upgrader)";
        node.UpgradeAnnotations = Annotations(upgrade, withTarget: true);
        controller.NodeConditionsChanged(node);
        controller.EvictForReboot(node, $"node {node.Name} rebooted for its upgrade to {upgrade.TargetVersion}");

        var generation = upgrade.Generation;
        void After(TimeSpan delay, bool upgraded) => ctx.Schedule(delay, () =>
        {
            if (upgrade.Generation == generation && upgrade.State == UpgradeState.Rebooting)
            {
                Return(upgrade, upgraded);
            }
        });

        if (upgrade.Failure is null)
        {
            After(settings.RebootDuration + Jitter(upgrade, "reboot", 0), upgraded: true);
        }
        else if (upgrade.Failure.ReturnAfter is { } returnAfter)
        {
            After(returnAfter, upgraded: false);
        }
    }

    /// <summary>The node is up again: on the target version, or (a failed upgrade) on its old one.</summary>
    private void Return(NodeUpgrade upgrade, bool upgraded)
    {
        var node = upgrade.Node;
        node.RebootMessage = null;
        if (upgraded)
        {
            node.KubeletVersion = upgrade.TargetVersion;
            upgrade.State = UpgradeState.Done;
        }
        else
        {
            upgrade.State = UpgradeState.Failed;
            upgrade.Message = $"the upgrade to {upgrade.TargetVersion} failed: the node came back on {node.KubeletVersion}";
        }

        upgrade.ReadyAt = Now;
        upgrade.FinishedAt = Now;
        node.UpgradeAnnotations = Annotations(upgrade, withTarget: true);
        controller.NodeConditionsChanged(node);
        ctx.Publish(new NodeUpgradeChanged(Now, upgrade.ToSnapshot()));
    }

    /// <summary>Publishes the upgrade, and the node whose annotations show its state.</summary>
    private void Published(NodeUpgrade upgrade)
    {
        var node = upgrade.Node;
        node.UpgradeAnnotations = Annotations(upgrade, withTarget: upgrade.State != UpgradeState.Cancelled);
        ctx.Publish(new NodeChanged(Now, node.ToSnapshot()));
        ctx.Publish(new NodeUpgradeChanged(Now, upgrade.ToSnapshot()));
    }

    private static Dictionary<string, string> Annotations(NodeUpgrade upgrade, bool withTarget)
    {
        var annotations = new Dictionary<string, string>(StringComparer.Ordinal) { [UpgradeAnnotations.State] = upgrade.State.ToString() };
        if (withTarget)
        {
            annotations[UpgradeAnnotations.TargetVersion] = upgrade.TargetVersion;
        }

        return annotations;
    }

    private static List<string> Names(IEnumerable<VmState> vms) =>
        [.. vms.Select(v => v.Key).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>Up to <see cref="UpgradeSettings.Jitter"/>, whole milliseconds, from a hash of the seed, node, upgrade and purpose.</summary>
    private TimeSpan Jitter(NodeUpgrade upgrade, string purpose, int attempt)
    {
        if (settings.Jitter <= TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }

        // FNV-1a over the key, then a 64-bit finaliser so that neighbouring keys spread over the whole range.
        var hash = 14695981039346656037UL;
        foreach (var c in $"{seed}/{upgrade.Node.Name}/{upgrade.NodeOrdinal}/{purpose}/{attempt}")
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        hash = (hash ^ (hash >> 33)) * 0xff51afd7ed558ccdUL;
        hash = (hash ^ (hash >> 33)) * 0xc4ceb9fe1a85ec53UL;
        hash ^= hash >> 33;
        var fraction = (hash >> 11) * (1.0 / (1UL << 53));
        return TimeSpan.FromMilliseconds(Math.Floor(fraction * settings.Jitter.TotalMilliseconds));
    }

    private static UpgradeRequestResult Rejected(string problem) => new(UpgradeRequestStatus.Rejected, null, problem);
}
