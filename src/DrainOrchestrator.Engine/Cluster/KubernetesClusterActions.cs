using System.Text.Json;
using DrainOrchestrator.Core.Snapshot;
using DrainOrchestrator.Kubernetes.Client;
using DrainOrchestrator.Kubernetes.Errors;
using DrainOrchestrator.Kubernetes.Models;

namespace DrainOrchestrator.Engine.Cluster;

/// <summary><see cref="IClusterActions"/> over the Kubernetes API.</summary>
public sealed class KubernetesClusterActions(KubernetesClient client, TimeProvider timeProvider, string leaseNamespace)
    : IClusterActions
{
    // Set by virt-api on every VMIM it admits (kubevirt-reference.md, VirtualMachineInstanceMigration).
    private const string VmiNameLabel = "kubevirt.io/vmi-name";

    /// <inheritdoc />
    public Task<CreateResult<VirtualMachineInstanceMigration>> CreateOnceMigrationAsync(
        VirtualMachineInstanceMigration migration, TimeSpan deadline, CancellationToken cancellationToken) =>
        client.CreateOnceAsync(migration, deadline, cancellationToken);

    /// <inheritdoc />
    public async Task<VirtualMachineInstanceMigration?> GetMigrationAsync(string @namespace, string name, CancellationToken cancellationToken)
    {
        try
        {
            return await client.GetAsync<VirtualMachineInstanceMigration>(@namespace, name, cancellationToken);
        }
        catch (KubernetesApiException ex) when (ex.IsNotFound)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public async Task<NetworkAttachmentDefinition?> GetNetworkAttachmentAsync(string @namespace, string name, CancellationToken cancellationToken)
    {
        try
        {
            return await client.GetAsync<NetworkAttachmentDefinition>(@namespace, name, cancellationToken);
        }
        catch (KubernetesApiException ex) when (ex.IsNotFound)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<VirtualMachineInstanceMigration>> ListMigrationsAsync(string @namespace, string vmiName,
        CancellationToken cancellationToken) =>
        (await client.ListAllAsync<VirtualMachineInstanceMigration>(@namespace, new ListOptions { LabelSelector = VmiNameLabel + "=" + vmiName },
            cancellationToken)).Items;

    /// <inheritdoc />
    public async Task DeleteMigrationAsync(string @namespace, string name, CancellationToken cancellationToken)
    {
        try
        {
            await client.DeleteAsync<VirtualMachineInstanceMigration>(@namespace, name, null, cancellationToken);
        }
        catch (KubernetesApiException ex) when (ex.IsNotFound)
        {
            // Already gone.
        }
    }

    /// <inheritdoc />
    public Task SetUnschedulableAsync(string node, bool unschedulable, CancellationToken cancellationToken) =>
        client.PatchAsync<Node>(null, node, PatchType.Merge,
            unschedulable ? """{"spec":{"unschedulable":true}}""" : """{"spec":{"unschedulable":null}}""", cancellationToken);

    /// <inheritdoc />
    public string LeaseNamespace => leaseNamespace;

    /// <inheritdoc />
    public async Task<string?> AcquireNodeLeaseAsync(string node, string holder, TimeSpan duration, CancellationToken cancellationToken)
    {
        var name = NodeLeaseNames.For(node);
        Kubernetes.Models.Lease existing;
        try
        {
            existing = await client.GetAsync<Kubernetes.Models.Lease>(leaseNamespace, name, cancellationToken);
        }
        catch (KubernetesApiException ex) when (ex.IsNotFound)
        {
            var owner = await client.GetAsync<Node>(null, node, cancellationToken);
            var result = await client.CreateOrAdoptAsync(
                MaintenanceLease.New(leaseNamespace, owner, holder, duration, timeProvider.GetUtcNow()), cancellationToken);
            return result.Adopted ? MaintenanceLease.OtherValidHolder(result.Object.Spec, holder, timeProvider.GetUtcNow()) : null;
        }

        var now = timeProvider.GetUtcNow();
        var spec = existing.Spec ??= new LeaseSpec();
        if (MaintenanceLease.OtherValidHolder(spec, holder, now) is { } other)
        {
            return other;
        }

        // Conditional on the resourceVersion read: if NMO took it meanwhile, this is a 409 and the next call sees them.
        MaintenanceLease.TakeOrRenew(spec, holder, duration, now);
        await client.UpdateAsync(existing, cancellationToken);
        return null;
    }

    /// <inheritdoc />
    public async Task ReleaseNodeLeaseAsync(string node, string holder, CancellationToken cancellationToken)
    {
        try
        {
            var existing = await client.GetAsync<Kubernetes.Models.Lease>(leaseNamespace, NodeLeaseNames.For(node), cancellationToken);
            if (existing.Spec?.HolderIdentity == holder)
            {
                await client.DeleteAsync<Kubernetes.Models.Lease>(leaseNamespace, NodeLeaseNames.For(node), null, cancellationToken);
            }
        }
        catch (KubernetesApiException ex) when (ex.IsNotFound)
        {
            // Nothing to release.
        }
    }

    /// <inheritdoc />
    public Task SetNodeConditionsAsync(string node, IReadOnlyList<NodeCondition> conditions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        var patch = JsonSerializer.Serialize(new Node { Status = new NodeStatus { Conditions = [.. conditions] } }, KubernetesJsonContext.Default.Node);
        return client.PatchStatusAsync<Node>(null, node, PatchType.StrategicMerge, patch, cancellationToken);
    }

    /// <inheritdoc />
    public async Task EnsureMigrationPolicyAsync(MigrationPolicySnapshot policy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var wire = new MigrationPolicy
        {
            Metadata = new ObjectMeta { Name = policy.Name },
            Spec = new MigrationPolicySpec
            {
                Selectors = new MigrationPolicySelectors
                {
                    NamespaceSelector = new Dictionary<string, string>(policy.NamespaceSelector),
                    VirtualMachineInstanceSelector = new Dictionary<string, string>(policy.VmiSelector),
                },
                AllowPostCopy = policy.AllowPostCopy,
                AllowWorkloadDisruption = policy.AllowWorkloadDisruption,
                AllowAutoConverge = policy.AllowAutoConverge,
                CompletionTimeoutPerGiB = policy.CompletionTimeoutPerGiB is { } t ? (long)t.TotalSeconds : null,
                MaxDowntimeMs = policy.MaxDowntime is { } d ? (long)d.TotalMilliseconds : null,
                BandwidthPerMigration = policy.BandwidthPerMigrationBytesPerSecond is { } b and > 0 ? Quantity.FromBytes(b) : null,
            },
        };
        await client.CreateOrAdoptAsync(wire, cancellationToken);
    }

    /// <inheritdoc />
    public async Task DeleteMigrationPolicyAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            await client.DeleteAsync<MigrationPolicy>(null, name, null, cancellationToken);
        }
        catch (KubernetesApiException ex) when (ex.IsNotFound)
        {
            // Already gone.
        }
    }

    /// <inheritdoc />
    public async Task<bool> DeleteVmiAsync(string @namespace, string name, string uid, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(uid);
        try
        {
            await client.DeleteAsync<VirtualMachineInstance>(@namespace, name, new DeleteOptions { Preconditions = new Preconditions { Uid = uid } },
                cancellationToken);
            return true;
        }
        catch (KubernetesApiException ex) when (ex.IsNotFound || ex.IsConflict)
        {
            // Gone, or the name belongs to the VMI KubeVirt started since (the uid precondition failed): ours is gone.
            return false;
        }
    }

    /// <inheritdoc />
    public async Task SetVmiLabelAsync(string @namespace, string name, string key, string? value, CancellationToken cancellationToken)
    {
        var patch = JsonSerializer.Serialize(new Dictionary<string, Dictionary<string, Dictionary<string, string?>>>
        {
            ["metadata"] = new() { ["labels"] = new() { [key] = value } },
        });
        try
        {
            await client.PatchAsync<VirtualMachineInstance>(@namespace, name, PatchType.Merge, patch, cancellationToken);
        }
        catch (KubernetesApiException ex) when (ex.IsNotFound)
        {
            // The VMI is gone: nothing to mark.
        }
    }
}
