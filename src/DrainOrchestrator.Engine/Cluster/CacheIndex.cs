using System.Collections.Immutable;
using DrainOrchestrator.Kubernetes.Models;

namespace DrainOrchestrator.Engine.Cluster;

/// <summary>The <see cref="ClusterIndex"/> of a <see cref="ClusterCache"/> at one version: its immutable maps, shared.</summary>
internal sealed class CacheIndex(ClusterCache.Maps maps) : ClusterIndex
{
    public override VirtualMachineInstance? Vmi(string key) => maps.Vmis.GetValueOrDefault(key);

    public override VirtualMachineInstance? VmiByUid(string uid) =>
        maps.VmiKeysByUid.TryGetValue(uid, out var key) ? maps.Vmis.GetValueOrDefault(key) : null;

    public override VirtualMachineInstanceMigration? Migration(string key) => maps.Migrations.GetValueOrDefault(key);

    public override Node? Node(string name) => maps.Nodes.GetValueOrDefault(name);

    public override Namespace? Namespace(string name) => maps.Namespaces.GetValueOrDefault(name);

    public override VirtualMachine? VirtualMachine(string key) => maps.VirtualMachines.GetValueOrDefault(key);

    public override IEnumerable<VirtualMachineInstanceMigration> UnfinishedMigrations => maps.UnfinishedMigrations.Values;

    public override IEnumerable<string> EndedDrainMigrationNames => maps.EndedDrainMigrations.Keys;

    public override bool IsEndedDrainMigration(string name) => maps.EndedDrainMigrations.ContainsKey(name);
}
