using System.Collections.Immutable;
using DrainOrchestrator.Kubernetes.Models;

namespace DrainOrchestrator.Engine.Cluster;

/// <summary>The cache's immutable maps: a write makes new maps in logarithmic time, and a reader keeps the ones it took.</summary>
public sealed partial class ClusterCache
{
    // Beside the VMIMs by key, two indexes serve the budget's pass (Budget.ClusterLoad) in time proportional to what is
    // in flight: the unfinished VMIMs by key, and the names of the ended VMIMs of any drain of ours (counted, since two
    // namespaces may hold the same name).
    internal sealed record Maps(
        ImmutableDictionary<string, Node> Nodes,
        ImmutableDictionary<string, VirtualMachineInstance> Vmis,
        ImmutableDictionary<string, string> VmiKeysByUid,
        ImmutableDictionary<string, VirtualMachineInstanceMigration> Migrations,
        ImmutableDictionary<string, MigrationPolicy> Policies,
        ImmutableDictionary<string, Namespace> Namespaces,
        ImmutableDictionary<string, KubeVirt> KubeVirt,
        ImmutableDictionary<string, VirtualMachine> VirtualMachines,
        ImmutableDictionary<string, PodDisruptionBudget> DisruptionBudgets)
    {
        /// <summary>The VMIMs not Succeeded or Failed, by key.</summary>
        public ImmutableDictionary<string, VirtualMachineInstanceMigration> UnfinishedMigrations { get; init; } =
            ImmutableDictionary.Create<string, VirtualMachineInstanceMigration>(StringComparer.Ordinal);

        /// <summary>The names of the ended VMIMs that carry a drain's label, with how many VMIMs have each name.</summary>
        public ImmutableDictionary<string, int> EndedDrainMigrations { get; init; } = ImmutableDictionary.Create<string, int>(StringComparer.Ordinal);

        public static Maps Empty { get; } = new(
            ImmutableDictionary.Create<string, Node>(StringComparer.Ordinal),
            ImmutableDictionary.Create<string, VirtualMachineInstance>(StringComparer.Ordinal),
            ImmutableDictionary.Create<string, string>(StringComparer.Ordinal),
            ImmutableDictionary.Create<string, VirtualMachineInstanceMigration>(StringComparer.Ordinal),
            ImmutableDictionary.Create<string, MigrationPolicy>(StringComparer.Ordinal),
            ImmutableDictionary.Create<string, Namespace>(StringComparer.Ordinal),
            ImmutableDictionary.Create<string, KubeVirt>(StringComparer.Ordinal),
            ImmutableDictionary.Create<string, VirtualMachine>(StringComparer.Ordinal),
            ImmutableDictionary.Create<string, PodDisruptionBudget>(StringComparer.Ordinal));

        public Maps Cleared(ClusterKind kind) => kind switch
        {
            ClusterKind.Node => this with { Nodes = Nodes.Clear() },
            ClusterKind.Vmi => this with { Vmis = Vmis.Clear(), VmiKeysByUid = VmiKeysByUid.Clear() },
            ClusterKind.Migration => this with
            {
                Migrations = Migrations.Clear(),
                UnfinishedMigrations = UnfinishedMigrations.Clear(),
                EndedDrainMigrations = EndedDrainMigrations.Clear(),
            },
            ClusterKind.Policy => this with { Policies = Policies.Clear() },
            ClusterKind.Namespace => this with { Namespaces = Namespaces.Clear() },
            ClusterKind.KubeVirt => this with { KubeVirt = KubeVirt.Clear() },
            ClusterKind.PodDisruptionBudget => this with { DisruptionBudgets = DisruptionBudgets.Clear() },
            _ => this with { VirtualMachines = VirtualMachines.Clear() },
        };

        // With item at key, or without key when item is null.
        public Maps With(ClusterKind kind, string key, KubernetesObject? item) => kind switch
        {
            ClusterKind.Node => this with { Nodes = Set(Nodes, key, item) },
            ClusterKind.Vmi => WithVmi(key, (VirtualMachineInstance?)item),
            ClusterKind.Migration => WithMigration(key, (VirtualMachineInstanceMigration?)item),
            ClusterKind.Policy => this with { Policies = Set(Policies, key, item) },
            ClusterKind.Namespace => this with { Namespaces = Set(Namespaces, key, item) },
            ClusterKind.KubeVirt => this with { KubeVirt = Set(KubeVirt, key, item) },
            ClusterKind.PodDisruptionBudget => this with { DisruptionBudgets = Set(DisruptionBudgets, key, item) },
            _ => this with { VirtualMachines = Set(VirtualMachines, key, item) },
        };

        private Maps WithVmi(string key, VirtualMachineInstance? vmi)
        {
            var uids = VmiKeysByUid;
            if (Vmis.GetValueOrDefault(key)?.Metadata.Uid is { } oldUid && uids.GetValueOrDefault(oldUid) == key)
            {
                uids = uids.Remove(oldUid);
            }

            if (vmi?.Metadata.Uid is { } uid)
            {
                uids = uids.SetItem(uid, key);
            }

            return this with { Vmis = Set(Vmis, key, vmi), VmiKeysByUid = uids };
        }

        private Maps WithMigration(string key, VirtualMachineInstanceMigration? vmim)
        {
            var unfinished = vmim is null || MigrationStatus.IsFinished(vmim) ? UnfinishedMigrations.Remove(key) : UnfinishedMigrations.SetItem(key, vmim);
            var ended = EndedDrainMigrations;
            if (Migrations.GetValueOrDefault(key) is { } old && MigrationStatus.IsEndedDrainMigration(old))
            {
                var name = old.Metadata.Name ?? string.Empty;
                var count = ended.GetValueOrDefault(name);
                ended = count > 1 ? ended.SetItem(name, count - 1) : ended.Remove(name);
            }

            if (vmim is not null && MigrationStatus.IsEndedDrainMigration(vmim))
            {
                var name = vmim.Metadata.Name ?? string.Empty;
                ended = ended.SetItem(name, ended.GetValueOrDefault(name) + 1);
            }

            return this with { Migrations = Set(Migrations, key, vmim), UnfinishedMigrations = unfinished, EndedDrainMigrations = ended };
        }

        private static ImmutableDictionary<string, T> Set<T>(ImmutableDictionary<string, T> map, string key, KubernetesObject? item)
            where T : KubernetesObject =>
            item is null ? map.Remove(key) : map.SetItem(key, (T)item);
    }
}
