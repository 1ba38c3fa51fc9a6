using System.Globalization;
using System.Text.Json;
using DrainOrchestrator.Engine.Cluster;
using DrainOrchestrator.Kubernetes.Informers;
using DrainOrchestrator.Kubernetes.Models;
using DrainOrchestrator.Simulator.Cluster;
using DrainOrchestrator.Simulator.KubeVirt.Rendering;

namespace DrainOrchestrator.Scheduling.Bench.Engine;

/// <summary>
/// What the engine's informers would deliver from drain-sim, without HTTP: the model's changes rendered by drain-sim's
/// own renderers into wire objects and written to the engine's <see cref="ClusterCache"/>, in the model's order. A
/// render identical to the last one of the same object is dropped, as a watch sends nothing for an unchanged object.
/// A VMIM a client created keeps the client's metadata and spec; the model owns its status (as drain-sim's store
/// overlays it).
/// </summary>
internal sealed class ModelFeed : IObserver<ClusterChange>
{
    private readonly Lock _gate = new();
    private readonly ClusterCache _cache;
    private readonly RenderContext _context;
    private readonly Dictionary<string, string> _last = new(StringComparer.Ordinal);
    private readonly Dictionary<string, VirtualMachineInstanceMigration> _clientVmims = new(StringComparer.Ordinal);
    private long _resourceVersion;

    public ModelFeed(SimulatedCluster cluster, ClusterCache cache)
    {
        _cache = cache;
        _context = new RenderContext(cluster.Now);
        var at = cluster.Now;
        foreach (var ns in cluster.GetNamespaces())
        {
            Upsert(NamespaceRenderer.Render(ns.Name, ns.Labels));
        }

        foreach (var node in cluster.GetNodes())
        {
            Upsert(NodeRenderer.Render(node, _context, at));
        }

        Upsert(KubeVirtRenderer.Render(cluster.MigrationConfig, at));
        foreach (var policy in cluster.GetMigrationPolicies())
        {
            Upsert(MigrationPolicyRenderer.Render(policy, at));
        }

        var vmis = cluster.GetVmis().ToDictionary(v => v.Namespace + "/" + v.Name, StringComparer.Ordinal);
        foreach (var vm in cluster.GetVirtualMachines())
        {
            _context.Remember(vm);
            Upsert(VirtualMachineRenderer.Render(vm, vmis.GetValueOrDefault(vm.Namespace + "/" + vm.Name)));
        }

        foreach (var vmi in vmis.Values)
        {
            Upsert(VmiRenderer.Render(vmi, _context.VirtualMachine(vmi.Namespace, vmi.Name), _context));
        }
    }

    /// <summary>A VMIM a client is creating: its object as sent, before the model admits it.</summary>
    public void Creating(VirtualMachineInstanceMigration migration)
    {
        lock (_gate)
        {
            _clientVmims[InformerKeys.Of(migration)] = migration;
        }
    }

    /// <summary>The create was refused: the object never existed.</summary>
    public void Refused(VirtualMachineInstanceMigration migration)
    {
        lock (_gate)
        {
            _clientVmims.Remove(InformerKeys.Of(migration));
        }
    }

    /// <summary>The VMIM as the view holds it now, if it exists.</summary>
    public VirtualMachineInstanceMigration? Migration(string @namespace, string name) =>
        _cache.Current.FindMigration(@namespace, name);

    /// <summary>Renders the just-admitted VMIM when the model's admission sent no change of its own.</summary>
    public void Admitted(VmimSnapshot migration)
    {
        if (Migration(migration.Namespace, migration.Name) is null)
        {
            OnNext(new VmimChanged(migration.CreatedAt, migration));
        }
    }

    public void OnNext(ClusterChange value)
    {
        ArgumentNullException.ThrowIfNull(value);
        switch (value)
        {
            case NodeChanged { Node.Deleted: true } c:
                Remove<Node>(c.Node.Name);
                break;
            case NodeChanged c:
                Upsert(NodeRenderer.Render(c.Node, _context, c.At));
                break;
            case NamespaceChanged c:
                Upsert(NamespaceRenderer.Render(c.Namespace.Name, c.Namespace.Labels));
                break;
            case VirtualMachineChanged c:
                _context.Remember(c.VirtualMachine);
                Upsert(VirtualMachineRenderer.Render(c.VirtualMachine, null));
                break;
            case VmiChanged c:
                Upsert(VmiRenderer.Render(c.Vmi, _context.VirtualMachine(c.Vmi.Namespace, c.Vmi.Name), _context));
                break;
            case VmiDeleted c:
                Remove<VirtualMachineInstance>(InformerKeys.Of(c.Vmi.Namespace, c.Vmi.Name));
                break;
            case VmimChanged c:
                UpsertVmim(c.Migration, c.At);
                break;
            case VmimRemoved c:
                _context.Forget(c.Migration);
                lock (_gate)
                {
                    _clientVmims.Remove(InformerKeys.Of(c.Migration.Namespace, c.Migration.Name));
                }

                Remove<VirtualMachineInstanceMigration>(InformerKeys.Of(c.Migration.Namespace, c.Migration.Name));
                break;
            case MigrationPolicyChanged c:
                Upsert(MigrationPolicyRenderer.Render(c.Policy, c.At));
                break;
            case MigrationPolicyDeleted c:
                Remove<Kubernetes.Models.MigrationPolicy>(c.Policy.Name);
                break;
            case MigrationConfigChanged c:
                Upsert(KubeVirtRenderer.Render(c.Config, _context.StartedAt));
                break;
        }
    }

    public void OnError(Exception error)
    {
    }

    public void OnCompleted()
    {
    }

    private void UpsertVmim(VmimSnapshot migration, DateTimeOffset at)
    {
        VirtualMachineInstanceMigration? sent;
        lock (_gate)
        {
            sent = _clientVmims.GetValueOrDefault(InformerKeys.Of(migration.Namespace, migration.Name));
        }

        if (sent is null)
        {
            if (migration.CreatedByModel)
            {
                Upsert(VmimRenderer.Render(migration, _context, at));
            }

            return;
        }

        var vmim = Clone(sent);
        vmim.Metadata.Uid = migration.Uid;
        vmim.Metadata.CreationTimestamp = migration.CreatedAt;
        vmim.Metadata.Labels = new(vmim.Metadata.Labels ?? [], StringComparer.Ordinal) { ["kubevirt.io/vmi-name"] = migration.VmiName };
        vmim.Status = VmimRenderer.Status(migration, _context, at);
        Upsert(vmim);
    }

    private void Upsert<T>(T item)
        where T : KubernetesObject
    {
        var key = typeof(T).Name + "|" + InformerKeys.Of(item);
        item.Metadata.ResourceVersion = null;
        var json = JsonSerializer.Serialize(item, typeof(T), KubernetesJsonContext.Default);
        lock (_gate)
        {
            if (_last.TryGetValue(key, out var last) && last == json)
            {
                return;
            }

            _last[key] = json;
            item.Metadata.ResourceVersion = (++_resourceVersion).ToString(CultureInfo.InvariantCulture);
            _cache.Upsert(item);
        }
    }

    private void Remove<T>(string key)
        where T : KubernetesObject
    {
        lock (_gate)
        {
            _last.Remove(typeof(T).Name + "|" + key);
            _cache.Remove<T>(key);
        }
    }

    private static T Clone<T>(T value)
        where T : KubernetesObject
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(value, typeof(T), KubernetesJsonContext.Default);
        return (T)JsonSerializer.Deserialize(bytes, typeof(T), KubernetesJsonContext.Default)!;
    }
}
