namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>A virt-launcher pod the observer saw on a node while the upgrader had it down for its reboot.</summary>
/// <param name="At">When: the start of the reboot, or when the pod was bound there during it.</param>
/// <param name="Node">The node.</param>
/// <param name="UpgradeId">The upgrade (<see cref="NodeUpgradeSnapshot.Id"/>).</param>
/// <param name="Namespace">The pod's (and its VMI's) namespace.</param>
/// <param name="Vmi">The VMI the pod runs, or receives as a migration target.</param>
/// <param name="Pod">The pod.</param>
public sealed record GuestOnRebootingNode(DateTimeOffset At, string Node, int UpgradeId, string Namespace, string Vmi, string Pod);
