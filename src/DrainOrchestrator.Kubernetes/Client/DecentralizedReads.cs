using DrainOrchestrator.Kubernetes.Errors;
using DrainOrchestrator.Kubernetes.Models;

namespace DrainOrchestrator.Kubernetes.Client;

/// <summary>The reads a decentralized live migration's orchestrator makes of one side: the KubeVirt CR and the synchronization address.</summary>
public static class DecentralizedReads
{
    /// <summary>The KubeVirt CR (<c>kubevirt/kubevirt</c>, else the first one listed); null when none exists.</summary>
    public static async Task<KubeVirt?> KubeVirtAsync(this KubernetesClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        try
        {
            return await client.GetAsync<KubeVirt>(DecentralizedMigration.KubeVirtName, DecentralizedMigration.KubeVirtName, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (KubernetesApiException ex) when (ex.IsNotFound)
        {
            var all = await client.ListAsync<KubeVirt>(null, null, cancellationToken).ConfigureAwait(false);
            return all.Items.FirstOrDefault();
        }
    }

    /// <summary>Whether the KubeVirt CR lists the DecentralizedLiveMigration feature gate.</summary>
    public static bool HasDecentralizedGate(KubeVirt? kubeVirt) =>
        kubeVirt?.Spec.Configuration?.DeveloperConfiguration?.FeatureGates?.Contains(DecentralizedMigration.FeatureGate, StringComparer.Ordinal) == true;

    /// <summary>
    /// The synchronization controller's address (<c>host:port</c>) as the documentation finds it: the first of
    /// <paramref name="fromVmim"/> (the receiving VMIM's <c>status.synchronizationAddresses</c>), else the KubeVirt CR's,
    /// else the Pod IP of the <c>virt-synchronization-controller</c> Lease holder with port 9185. Null while none is known.
    /// </summary>
    public static async Task<string?> SynchronizationAddressAsync(this KubernetesClient client, IReadOnlyList<string>? fromVmim,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (fromVmim is { Count: > 0 } && !string.IsNullOrWhiteSpace(fromVmim[0]))
        {
            return fromVmim[0];
        }

        var kubeVirt = await client.KubeVirtAsync(cancellationToken).ConfigureAwait(false);
        if (kubeVirt?.Status?.SynchronizationAddresses is { Count: > 0 } listed && !string.IsNullOrWhiteSpace(listed[0]))
        {
            return listed[0];
        }

        // The controller runs where KubeVirt does: the CR's own namespace (openshift-cnv on OpenShift Virtualization).
        var controllerNamespace = kubeVirt?.Metadata?.Namespace is { Length: > 0 } ns ? ns : DecentralizedMigration.ControllerNamespace;
        Lease lease;
        try
        {
            lease = await client.GetAsync<Lease>(controllerNamespace, DecentralizedMigration.ControllerLeaseName,
                cancellationToken).ConfigureAwait(false);
        }
        catch (KubernetesApiException ex) when (ex.IsNotFound)
        {
            return null;
        }

        if (lease.Spec?.HolderIdentity is not { Length: > 0 } holder)
        {
            return null;
        }

        try
        {
            var pod = await client.GetAsync<Pod>(controllerNamespace, holder, cancellationToken).ConfigureAwait(false);
            return pod.Status?.PodIp is { Length: > 0 } ip ? $"{ip}:{DecentralizedMigration.ControllerPort}" : null;
        }
        catch (KubernetesApiException ex) when (ex.IsNotFound)
        {
            return null;
        }
    }
}
