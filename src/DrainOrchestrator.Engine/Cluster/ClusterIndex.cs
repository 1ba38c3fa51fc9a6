using DrainOrchestrator.Kubernetes.Models;

namespace DrainOrchestrator.Engine.Cluster;

/// <summary>The look-ups of a <see cref="ClusterState"/>, by informer key (<c>namespace/name</c>, or the name alone).</summary>
internal abstract class ClusterIndex
{
    /// <summary>The key of a namespaced object, as the informers key it.</summary>
    public static string Key(string? @namespace, string name) => Kubernetes.Informers.InformerKeys.Of(@namespace, name);

    public abstract VirtualMachineInstance? Vmi(string key);

    public abstract VirtualMachineInstance? VmiByUid(string uid);

    public abstract VirtualMachineInstanceMigration? Migration(string key);

    public abstract Node? Node(string name);

    public abstract Namespace? Namespace(string name);

    public abstract VirtualMachine? VirtualMachine(string key);

    /// <summary>The VMIMs not Succeeded or Failed (<see cref="MigrationStatus.IsFinished"/>).</summary>
    public abstract IEnumerable<VirtualMachineInstanceMigration> UnfinishedMigrations { get; }

    /// <summary>The names of the ended VMIMs of any drain of ours (<see cref="MigrationStatus.IsEndedDrainMigration"/>).</summary>
    public abstract IEnumerable<string> EndedDrainMigrationNames { get; }

    /// <summary>Whether a VMIM of a drain of ours with this name ended.</summary>
    public abstract bool IsEndedDrainMigration(string name);
}
