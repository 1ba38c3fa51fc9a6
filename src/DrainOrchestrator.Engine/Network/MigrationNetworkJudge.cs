using DrainOrchestrator.Persistence.Attempts;

namespace DrainOrchestrator.Engine.Network;

/// <summary>
/// The check the OpenShift Virtualization docs leave to the operator, automated: a succeeded migration's target address
/// (<c>status.migrationState.targetNodeAddress</c>, the target virt-handler's migration IP) lies in the dedicated
/// network's subnet, or it went over the pod network. Pure.
/// </summary>
internal static class MigrationNetworkJudge
{
    /// <summary><paramref name="observation"/> with the network it used, judged against <paramref name="network"/>.</summary>
    public static AttemptObservation Judge(AttemptObservation observation, MigrationNetworkConfig network)
    {
        if (observation.Outcome != AttemptOutcome.Succeeded || observation.Network is not { } seen)
        {
            return observation;
        }

        bool? on = network.IsConfigured && network.Readable && seen.TargetAddress is { } address
            ? network.Range?.SubnetContains(address) ?? false
            : null;
        return observation with { Network = seen with { MigrationNetwork = network.Name, OnMigrationNetwork = on } };
    }

    /// <summary>What a migration that missed the network means, naming its target node and the fix.</summary>
    public static string Describe(AttemptRecord record, AttemptObservation observation, MigrationNetworkConfig network)
    {
        var node = observation.TargetNode ?? record.TargetNode ?? "its target node";
        var address = observation.Network?.TargetAddress ?? "no address";
        var vm = record.VmiNamespace + "/" + record.VmiName;
        return network.Problem is { } problem
            ? $"the migration of {vm} to {node} used the pod network (target address {address}): {problem}"
            : $"the migration of {vm} to {node} used the pod network (target address {address} is outside {network.Range!.Network} of "
                + $"NetworkAttachmentDefinition {network.Name}): node {node} has no interface on the migration network, so its virt-handler "
                + "listens on its pod IP. Attach the network's interface on that node (its NIC, bridge or VLAN as the definition's "
                + "config names it) and restart virt-handler there, or drain with --migration-network-policy warn; a retry cannot succeed until then";
    }
}
