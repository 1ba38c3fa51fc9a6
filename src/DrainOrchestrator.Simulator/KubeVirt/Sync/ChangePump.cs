using System.Threading.Channels;
using DrainOrchestrator.Simulator.Api.Resources;
using DrainOrchestrator.Simulator.Cluster;
using DrainOrchestrator.Simulator.KubeVirt.Rendering;

namespace DrainOrchestrator.Simulator.KubeVirt.Sync;

/// <summary>
/// Applies the model's changes to the store, in the order the model made them, as the simulated controllers' writes:
/// objects are created, their model-owned fields (status included) overlaid in one commit, and removed (finalizers
/// first). It waits on the queue, not a timer, so a change reaches watchers as soon as the store lock allows.
/// </summary>
internal sealed class ChangePump(StoreWriter writer, ClusterRenderer renderer, BridgeDiagnostics diagnostics)
{
    /// <summary>Applies changes until the queue completes or <paramref name="cancellationToken"/> is cancelled.</summary>
    public async Task RunAsync(ChannelReader<ClusterChange> changes, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var change in changes.ReadAllAsync(cancellationToken))
            {
                try
                {
                    Apply(change);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    diagnostics.Record($"applying {change.GetType().Name}", e);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping is the normal way out.
        }
    }

    /// <summary>Applies one change.</summary>
    public void Apply(ClusterChange change)
    {
        switch (change)
        {
            case NodeChanged { Node.Deleted: true } c:
                writer.Delete(BuiltInResourceTypes.Nodes, null, c.Node.Name, uid: null);
                break;
            case NodeChanged c:
                writer.Upsert(BuiltInResourceTypes.Nodes, renderer.Node(c.Node, c.At), NodeRenderer.OwnedPathsOf(c.Node));
                break;
            case NamespaceChanged c:
                writer.Upsert(BuiltInResourceTypes.Namespaces, ClusterRenderer.Namespace(c.Namespace.Name, c.Namespace.Labels),
                    NamespaceRenderer.OwnedPaths);
                break;
            case VirtualMachineChanged c:
                // With a VMI, the VMI's own changes keep the VM's status; without one, it is Stopped.
                writer.Upsert(BuiltInResourceTypes.VirtualMachines, renderer.VirtualMachine(c.VirtualMachine, null),
                    c.VirtualMachine.HasVmi ? VirtualMachineRenderer.SpecPaths : VirtualMachineRenderer.OwnedPaths);
                break;
            case VmiChanged c:
                ApplyVmi(c.Vmi);
                break;
            case VmiDeleted c:
                writer.Delete(BuiltInResourceTypes.VirtualMachineInstances, c.Vmi.Namespace, c.Vmi.Name, c.Vmi.Uid);
                break;
            case PodChanged c:
                writer.Upsert(BuiltInResourceTypes.Pods, renderer.Pod(c.Pod, c.At), PodRenderer.OwnedPaths);
                break;
            case PodDeleted c:
                writer.Delete(BuiltInResourceTypes.Pods, c.Pod.Namespace, c.Pod.Name, c.Pod.Uid);
                break;
            case VmimChanged c:
                ApplyVmim(c.Migration, c.At);
                break;
            case VmimRemoved c:
                renderer.Context.Forget(c.Migration);
                writer.Delete(BuiltInResourceTypes.VirtualMachineInstanceMigrations, c.Migration.Namespace, c.Migration.Name, c.Migration.Uid);
                break;
            case MigrationPolicyChanged c:
                // Clients' policies are already stored; this only adds one the model made itself.
                if (writer.Store.Get(BuiltInResourceTypes.MigrationPolicies, null, c.Policy.Name) is null)
                {
                    writer.Upsert(BuiltInResourceTypes.MigrationPolicies, renderer.MigrationPolicy(c.Policy), []);
                }

                break;
            case MigrationPolicyDeleted c:
                writer.Delete(BuiltInResourceTypes.MigrationPolicies, null, c.Policy.Name, uid: null);
                break;
            case DataVolumeChanged c:
                writer.Overlay(BuiltInResourceTypes.DataVolumes, c.DataVolume.Namespace, c.DataVolume.Name,
                    DataVolumeRenderer.Status(c.DataVolume), DataVolumeRenderer.OwnedPaths);
                writer.Upsert(BuiltInResourceTypes.PersistentVolumeClaims, DataVolumeRenderer.Pvc(c.DataVolume), DataVolumeRenderer.PvcOwnedPaths);
                break;
            case DataVolumeDeleted c:
                writer.Delete(BuiltInResourceTypes.PersistentVolumeClaims, c.DataVolume.Namespace, c.DataVolume.Name, uid: null);
                break;
            case MigrationConfigChanged:
                // Only a client's update of the KubeVirt CR changes it: the stored spec already says so.
                break;
        }
    }

    private void ApplyVmi(VmiSnapshot vmi)
    {
        writer.Upsert(BuiltInResourceTypes.VirtualMachineInstances, renderer.Vmi(vmi), VmiRenderer.OwnedPathsOf(vmi));
        var vm = renderer.Context.VirtualMachine(vmi.Namespace, vmi.Name);
        writer.Overlay(BuiltInResourceTypes.VirtualMachines, vmi.Namespace, vmi.Name, ClusterRenderer.VirtualMachineStatus(vm, vmi),
            VirtualMachineRenderer.StatusPath);
    }

    private void ApplyVmim(VmimSnapshot migration, DateTimeOffset at)
    {
        // Clients create their VMIMs through the API, KubeVirt's own controllers (the model's evacuation) here, at their
        // first change; one the store no longer holds (its finalizer removed by hand) is not brought back.
        var type = BuiltInResourceTypes.VirtualMachineInstanceMigrations;
        var stored = writer.Store.Get(type, migration.Namespace, migration.Name);
        if (stored is null && migration.CreatedByModel && migration.PhaseTransitions.Count == 1)
        {
            writer.Upsert(type, renderer.Vmim(migration, at), VmimRenderer.OwnedPaths);
        }
        else if (stored is not null && stored.Uid == migration.Uid)
        {
            writer.Overlay(type, migration.Namespace, migration.Name, renderer.VmimStatus(migration, at), VmimRenderer.OwnedPaths);
        }
    }
}
