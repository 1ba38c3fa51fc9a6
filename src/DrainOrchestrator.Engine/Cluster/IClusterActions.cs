using DrainOrchestrator.Core.Snapshot;
using DrainOrchestrator.Kubernetes.Client;
using DrainOrchestrator.Kubernetes.Models;

namespace DrainOrchestrator.Engine.Cluster;

/// <summary>
/// Every side effect the engine has on the cluster. Each is idempotent: repeating it after a crash finds what the
/// first call did. Failures are <see cref="Kubernetes.Errors.KubernetesApiException"/>s whose verdict says whether a
/// retry can succeed.
/// </summary>
public interface IClusterActions
{
    /// <summary>
    /// Creates the VMIM at most once: returns it created, or the existing one of that name (adopted), or says the name
    /// was taken by one that is gone (vanished: never created again, since that would start its migration twice).
    /// <paramref name="deadline"/> bounds the request at the API server too (its <c>timeout</c>): received, it is
    /// committed within that time or never.
    /// </summary>
    Task<CreateResult<VirtualMachineInstanceMigration>> CreateOnceMigrationAsync(
        VirtualMachineInstanceMigration migration, TimeSpan deadline, CancellationToken cancellationToken);

    /// <summary>
    /// Reads the VMIM from the API server itself, not from a cache: a consistent read, so an informer's lag cannot hide
    /// a VMIM that exists. Null when it does not exist.
    /// </summary>
    Task<VirtualMachineInstanceMigration?> GetMigrationAsync(string @namespace, string name, CancellationToken cancellationToken);

    /// <summary>
    /// Reads a NetworkAttachmentDefinition from the API server (the migration network the KubeVirt CR names); null when
    /// there is none of that name.
    /// </summary>
    Task<NetworkAttachmentDefinition?> GetNetworkAttachmentAsync(string @namespace, string name, CancellationToken cancellationToken);

    /// <summary>
    /// Lists the VMIMs of one VMI from the API server itself (a consistent read, not a cache), selected by the label
    /// <c>kubevirt.io/vmi-name</c> that virt-api's mutating webhook puts on every VMIM.
    /// </summary>
    Task<IReadOnlyList<VirtualMachineInstanceMigration>> ListMigrationsAsync(string @namespace, string vmiName, CancellationToken cancellationToken);

    /// <summary>Deletes a VMIM (cancelling its migration); a missing one is fine.</summary>
    Task DeleteMigrationAsync(string @namespace, string name, CancellationToken cancellationToken);

    /// <summary>Cordons or uncordons a node.</summary>
    Task SetUnschedulableAsync(string node, bool unschedulable, CancellationToken cancellationToken);

    /// <summary>The namespace of the node maintenance Leases (<c>medik8s-leases</c> unless configured otherwise).</summary>
    string LeaseNamespace { get; }

    /// <summary>
    /// Takes or renews the node maintenance Lease (<c>node-NODE</c>, as node-maintenance-operator and NodeHealthCheck
    /// name it) that keeps other maintenance and remediation tools off <paramref name="node"/>; returns the other holder
    /// when someone else holds a valid one, else null. A missing namespace or an RBAC refusal is thrown (404, 403).
    /// </summary>
    Task<string?> AcquireNodeLeaseAsync(string node, string holder, TimeSpan duration, CancellationToken cancellationToken);

    /// <summary>Gives the node Lease up if <paramref name="holder"/> holds it.</summary>
    Task ReleaseNodeLeaseAsync(string node, string holder, CancellationToken cancellationToken);

    /// <summary>
    /// Sets node conditions (strategic merge on <c>nodes/NODE/status</c>: other conditions stay as they are). A 403 or
    /// 422 says the cluster does not accept them.
    /// </summary>
    Task SetNodeConditionsAsync(string node, IReadOnlyList<NodeCondition> conditions, CancellationToken cancellationToken);

    /// <summary>Creates (or replaces) the orchestrator-owned MigrationPolicy.</summary>
    Task EnsureMigrationPolicyAsync(MigrationPolicySnapshot policy, CancellationToken cancellationToken);

    /// <summary>Deletes an orchestrator-owned MigrationPolicy; a missing one is fine.</summary>
    Task DeleteMigrationPolicyAsync(string name, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes (stops) the VMI <paramref name="namespace"/>/<paramref name="name"/>, only while it still has
    /// <paramref name="uid"/>: a VMI that KubeVirt started again under the same name is never touched. Returns false
    /// when that VMI was already gone (missing, or the name now belongs to another uid): a missing VMI is success.
    /// </summary>
    Task<bool> DeleteVmiAsync(string @namespace, string name, string uid, CancellationToken cancellationToken);

    /// <summary>Sets (or, with a null value, removes) one label of a VMI; a missing VMI is fine.</summary>
    Task SetVmiLabelAsync(string @namespace, string name, string key, string? value, CancellationToken cancellationToken);
}
