using System.Net;
using DrainOrchestrator.Core.Snapshot;
using DrainOrchestrator.Engine.Cluster;
using DrainOrchestrator.Kubernetes.Client;
using DrainOrchestrator.Kubernetes.Errors;
using DrainOrchestrator.Kubernetes.Models;
using DrainOrchestrator.Simulator.Cluster;

namespace DrainOrchestrator.Scheduling.Bench.Engine;

/// <summary>
/// The engine's side effects on the simulated cluster, answered at once (zero model time) as drain-sim's API server
/// answers them: a VMIM create goes through the model's admission (a denial is a 422 with KubeVirt's message), a cordon,
/// a VMI label and a MigrationPolicy become the model's inputs. Node Leases and node conditions are accepted and not
/// modelled (the scheduling scenarios have no other maintenance tool).
/// </summary>
internal sealed class ModelActions(SimulatedCluster cluster, ModelFeed feed, ModelView view, DeterministicIds ids) : IClusterActions
{
    public string LeaseNamespace => "kube-node-lease";

    public Task<CreateResult<VirtualMachineInstanceMigration>> CreateOnceMigrationAsync(
        VirtualMachineInstanceMigration migration, TimeSpan deadline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(migration);
        var (ns, name) = (migration.Metadata.Namespace ?? "", migration.Metadata.Name ?? "");
        if (feed.Migration(ns, name) is { } existing)
        {
            return Task.FromResult(new CreateResult<VirtualMachineInstanceMigration>(existing, CreateOutcome.Adopted));
        }

        feed.Creating(migration);
        var result = cluster.CreateMigration(new VmimCreateRequest(ns, name, ids.NewUid(), migration.Spec.VmiName ?? "",
            migration.Spec.AddedNodeSelector, MigrationPriorities.Parse(migration.Spec.Priority)));
        switch (result.Status)
        {
            case VmimCreateStatus.Rejected:
                feed.Refused(migration);
                throw new KubernetesApiException(HttpStatusCode.UnprocessableEntity, "Invalid",
                    $"admission webhook \"migration-create-validator.kubevirt.io\" denied the request: {result.Message}");
            case VmimCreateStatus.AlreadyExists:
                return Task.FromResult(new CreateResult<VirtualMachineInstanceMigration>(feed.Migration(ns, name)!, CreateOutcome.Adopted));
        }

        feed.Admitted(result.Migration!);
        return Task.FromResult(new CreateResult<VirtualMachineInstanceMigration>(feed.Migration(ns, name)!, CreateOutcome.Created));
    }

    public Task<VirtualMachineInstanceMigration?> GetMigrationAsync(string @namespace, string name, CancellationToken cancellationToken) =>
        Task.FromResult(feed.Migration(@namespace, name));

    public Task<NetworkAttachmentDefinition?> GetNetworkAttachmentAsync(string @namespace, string name, CancellationToken cancellationToken) =>
        Task.FromResult(cluster.GetNetworkAttachments().FirstOrDefault(a => a.Namespace == @namespace && a.Name == name) is { } found
            ? new NetworkAttachmentDefinition
            {
                Metadata = new ObjectMeta { Namespace = found.Namespace, Name = found.Name },
                Spec = new NetworkAttachmentDefinitionSpec { Config = found.Config },
            }
            : null);

    public Task<IReadOnlyList<VirtualMachineInstanceMigration>> ListMigrationsAsync(string @namespace, string vmiName, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<VirtualMachineInstanceMigration>>(
            [.. view.Current.Migrations.Where(m => m.Metadata.Namespace == @namespace && m.Spec.VmiName == vmiName)]);

    public Task DeleteMigrationAsync(string @namespace, string name, CancellationToken cancellationToken)
    {
        cluster.DeleteMigration(@namespace, name);
        return Task.CompletedTask;
    }

    public Task SetUnschedulableAsync(string node, bool unschedulable, CancellationToken cancellationToken)
    {
        cluster.SetNodeUnschedulable(node, unschedulable);
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
        cluster.UpsertMigrationPolicy(new Simulator.Cluster.MigrationPolicy
        {
            Name = policy.Name,
            NamespaceSelector = policy.NamespaceSelector,
            VirtualMachineInstanceSelector = policy.VmiSelector,
            BandwidthPerMigration = policy.BandwidthPerMigrationBytesPerSecond,
            CompletionTimeoutPerGiB = policy.CompletionTimeoutPerGiB,
            AllowPostCopy = policy.AllowPostCopy,
            AllowAutoConverge = policy.AllowAutoConverge,
            AllowWorkloadDisruption = policy.AllowWorkloadDisruption,
            MaxDowntime = policy.MaxDowntime,
        });
        return Task.CompletedTask;
    }

    public Task DeleteMigrationPolicyAsync(string name, CancellationToken cancellationToken)
    {
        cluster.DeleteMigrationPolicy(name);
        return Task.CompletedTask;
    }

    // Restarts are not part of the scheduling scenarios (their policy skips what cannot live-migrate).
    public Task<bool> DeleteVmiAsync(string @namespace, string name, string uid, CancellationToken cancellationToken) =>
        throw new NotSupportedException("the scheduling harness does not model restarts: the bench's policy skips VMs that cannot live-migrate");

    public Task SetVmiLabelAsync(string @namespace, string name, string key, string? value, CancellationToken cancellationToken)
    {
        if (cluster.GetVmi(@namespace, name) is { } vmi)
        {
            var labels = new Dictionary<string, string>(vmi.Labels, StringComparer.Ordinal);
            if (value is null)
            {
                labels.Remove(key);
            }
            else
            {
                labels[key] = value;
            }

            cluster.SetVmiLabels(@namespace, name, labels);
        }

        return Task.CompletedTask;
    }
}
