using System.Globalization;

namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>
/// The network several simulated clusters share, so a decentralized migration can cross from one to another: each
/// cluster's synchronization controller gets its own address on it (the first <c>10.129.0.9:9185</c>, the next
/// <c>10.130.0.9:9185</c>, ...), a sender's <c>connectURL</c> naming another cluster's controller pairs with that
/// cluster's receiver of the same migrationID, and the clusters run under one lock, so a move's two sides change together.
/// Pass it in <see cref="SimulationOptions.Network"/> to every cluster that shares it.
/// </summary>
public sealed class ClusterNetwork
{
    private readonly List<ClusterController> _members = [];

    internal Lock Gate { get; } = new();

    /// <summary>The names of the clusters on this network, in the order they joined.</summary>
    public IReadOnlyList<string> ClusterNames
    {
        get
        {
            lock (Gate)
            {
                return [.. _members.Select(m => m.ClusterName)];
            }
        }
    }

    /// <summary>The synchronization controller's pod IP of the <paramref name="index"/>-th cluster to join.</summary>
    public static string SynchronizationPodIp(int index) =>
        index == 0 ? SynchronizationController.PodIp : string.Create(CultureInfo.InvariantCulture, $"10.{129 + index}.0.9");

    /// <summary>Adds a cluster; its synchronization controller's pod IP, or throws when the name is taken.</summary>
    internal string Join(ClusterController controller)
    {
        lock (Gate)
        {
            if (_members.Any(m => m.ClusterName == controller.ClusterName))
            {
                throw new ArgumentException(
                    $"a cluster named \"{controller.ClusterName}\" is already on this network: give each cluster's scenario its own name");
            }

            _members.Add(controller);
            return SynchronizationPodIp(_members.Count - 1);
        }
    }

    /// <summary>The other cluster whose synchronization controller listens on <paramref name="address"/>, if any.</summary>
    internal ClusterController? Other(ClusterController self, string? address) =>
        _members.FirstOrDefault(m => !ReferenceEquals(m, self) && m.SyncAddress == address);

    /// <summary>A sender in another cluster with <paramref name="migrationId"/> whose connectURL names <paramref name="target"/>.</summary>
    internal MigrationJob? RemoteSender(ClusterController target, string migrationId)
    {
        foreach (var member in _members.Where(m => !ReferenceEquals(m, target)))
        {
            if (member.SenderOf(migrationId) is { } sender && sender.Decentralized!.ConnectUrl == target.SyncAddress)
            {
                return sender;
            }
        }

        return null;
    }

    /// <summary>A slot freed somewhere: every cluster looks at its waiting VMIMs again (a cross-cluster pair needs both sides).</summary>
    internal void RequestAdmissionEverywhere()
    {
        foreach (var member in _members)
        {
            member.RequestAdmission();
        }
    }
}
