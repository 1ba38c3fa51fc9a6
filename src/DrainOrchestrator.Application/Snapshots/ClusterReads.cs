using DrainOrchestrator.Engine.Cluster;
using DrainOrchestrator.Kubernetes.Client;
using DrainOrchestrator.Kubernetes.Errors;
using DrainOrchestrator.Kubernetes.Models;

namespace DrainOrchestrator.Application.Snapshots;

/// <summary>Everything a snapshot needs, read once with LIST requests only (no watch, no write).</summary>
internal static class ClusterReads
{
    public static async Task<ClusterState> ReadAsync(KubernetesClient client, List<string> warnings, CancellationToken cancellationToken)
    {
        var nodes = await client.ListAllAsync<Node>(null, null, cancellationToken);
        var namespaces = await client.ListAllAsync<Namespace>(null, null, cancellationToken);
        var vmis = await client.ListAllAsync<VirtualMachineInstance>(null, null, cancellationToken);
        var vms = await client.ListAllAsync<VirtualMachine>(null, null, cancellationToken);
        var kubeVirts = await OptionalAsync<KubeVirt>(client, "KubeVirt CRs", warnings, cancellationToken);
        var policies = await OptionalAsync<MigrationPolicy>(client, "MigrationPolicies", warnings, cancellationToken);
        if (kubeVirts.Count > 1)
        {
            warnings.Add($"{kubeVirts.Count} KubeVirt CRs: the migration settings are the first's ({kubeVirts[0].Metadata.Namespace}/{kubeVirts[0].Metadata.Name})");
        }

        return new ClusterState(nodes.Items, vmis.Items, [], policies, namespaces.Items, kubeVirts.FirstOrDefault())
        {
            VirtualMachines = vms.Items,
        };
    }

    // A resource whose CRD may be missing: a 404 is an empty list and a warning, not a failure.
    private static async Task<List<T>> OptionalAsync<T>(KubernetesClient client, string what, List<string> warnings, CancellationToken cancellationToken)
        where T : KubernetesObject, IKubernetesResource<T>
    {
        try
        {
            return (await client.ListAllAsync<T>(null, null, cancellationToken)).Items;
        }
        catch (KubernetesApiException ex) when (ex.IsNotFound)
        {
            warnings.Add($"the cluster serves no {what} (404): none written, KubeVirt's defaults apply");
            return [];
        }
    }
}
