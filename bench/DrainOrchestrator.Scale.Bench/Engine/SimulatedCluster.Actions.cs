using System.Diagnostics;
using DrainOrchestrator.Core.Snapshot;
using DrainOrchestrator.Engine.Cluster;
using DrainOrchestrator.Kubernetes.Client;
using DrainOrchestrator.Kubernetes.Informers;
using DrainOrchestrator.Kubernetes.Models;

namespace DrainOrchestrator.Scale.Bench.Engine;

/// <summary>The engine's side effects on the simulated cluster, answered at once as an API server on loopback would.</summary>
internal sealed partial class SimulatedCluster : IClusterActions
{
    public string LeaseNamespace => "kube-node-lease";

    public Task<CreateResult<VirtualMachineInstanceMigration>> CreateOnceMigrationAsync(
        VirtualMachineInstanceMigration migration, TimeSpan deadline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(migration);
        var key = InformerKeys.Of(migration);
        lock (_gate)
        {
            if (_vmims.TryGetValue(key, out var existing))
            {
                return Task.FromResult(new CreateResult<VirtualMachineInstanceMigration>(Clone(existing), CreateOutcome.Adopted));
            }

            var created = Clone(migration);
            created.Metadata.Uid = "vmim-" + ++_uid;
            created.Metadata.CreationTimestamp = _time.GetUtcNow();
            created.Status = new VirtualMachineInstanceMigrationStatus { Phase = "Pending" };
            _vmims[key] = created;
            var now = Stopwatch.GetTimestamp();
            _inFlight.Add(new InFlight(key, now, false));
            Created++;
            Refills.Created(now);
            PassRefills?.Created(created.Metadata.Name ?? string.Empty, now);
            _sink.Upsert(created);
            return Task.FromResult(new CreateResult<VirtualMachineInstanceMigration>(Clone(created), CreateOutcome.Created));
        }
    }

    public Task<VirtualMachineInstanceMigration?> GetMigrationAsync(string @namespace, string name, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_vmims.TryGetValue(InformerKeys.Of(@namespace, name), out var found) ? Clone(found) : null);
        }
    }

    // The benchmark cluster configures no migration network.
    public Task<NetworkAttachmentDefinition?> GetNetworkAttachmentAsync(string @namespace, string name, CancellationToken cancellationToken) =>
        Task.FromResult<NetworkAttachmentDefinition?>(null);

    public Task<IReadOnlyList<VirtualMachineInstanceMigration>> ListMigrationsAsync(string @namespace, string vmiName, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<VirtualMachineInstanceMigration>>(
                [.. _vmims.Values.Where(m => m.Metadata.Namespace == @namespace && m.Spec.VmiName == vmiName).Select(Clone)]);
        }
    }

    public Task DeleteMigrationAsync(string @namespace, string name, CancellationToken cancellationToken)
    {
        var key = InformerKeys.Of(@namespace, name);
        lock (_gate)
        {
            if (_vmims.Remove(key))
            {
                _inFlight.RemoveAll(f => f.Key == key);
                _sink.Remove<VirtualMachineInstanceMigration>(key);
            }
        }

        return Task.CompletedTask;
    }

    public Task SetUnschedulableAsync(string node, bool unschedulable, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_nodes.TryGetValue(node, out var found))
            {
                var changed = Clone(found);
                changed.Spec ??= new NodeSpec();
                changed.Spec.Unschedulable = unschedulable;
                _nodes[node] = changed;
                _sink.Upsert(changed);
            }
        }

        return Task.CompletedTask;
    }

    public Task<string?> AcquireNodeLeaseAsync(string node, string holder, TimeSpan duration, CancellationToken cancellationToken) =>
        Task.FromResult<string?>(null);

    public Task ReleaseNodeLeaseAsync(string node, string holder, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task SetNodeConditionsAsync(string node, IReadOnlyList<NodeCondition> conditions, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    public Task EnsureMigrationPolicyAsync(MigrationPolicySnapshot policy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(policy);
        lock (_gate)
        {
            var wire = new MigrationPolicy
            {
                Metadata = new ObjectMeta { Name = policy.Name },
                Spec = new MigrationPolicySpec
                {
                    Selectors = new MigrationPolicySelectors { VirtualMachineInstanceSelector = new(policy.VmiSelector, StringComparer.Ordinal) },
                    AllowPostCopy = policy.AllowPostCopy,
                },
            };
            _policies[policy.Name] = wire;
            _sink.Upsert(wire);
        }

        return Task.CompletedTask;
    }

    public Task DeleteMigrationPolicyAsync(string name, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_policies.Remove(name))
            {
                _sink.Remove<MigrationPolicy>(name);
            }
        }

        return Task.CompletedTask;
    }

    public Task<bool> DeleteVmiAsync(string @namespace, string name, string uid, CancellationToken cancellationToken)
    {
        var key = InformerKeys.Of(@namespace, name);
        lock (_gate)
        {
            if (!_vmis.TryGetValue(key, out var vmi) || vmi.Metadata.Uid != uid)
            {
                return Task.FromResult(false);
            }

            _vmis.Remove(key);
            _churnKeys.Remove(key);
            _sink.Remove<VirtualMachineInstance>(key);
            return Task.FromResult(true);
        }
    }

    public Task SetVmiLabelAsync(string @namespace, string name, string key, string? value, CancellationToken cancellationToken)
    {
        var vmiKey = InformerKeys.Of(@namespace, name);
        lock (_gate)
        {
            if (_vmis.TryGetValue(vmiKey, out var found))
            {
                var vmi = Clone(found);
                var labels = new Dictionary<string, string>(vmi.Metadata.Labels ?? [], StringComparer.Ordinal);
                if (value is null)
                {
                    labels.Remove(key);
                }
                else
                {
                    labels[key] = value;
                }

                vmi.Metadata.Labels = labels;
                Store(vmiKey, vmi);
            }
        }

        return Task.CompletedTask;
    }
}
