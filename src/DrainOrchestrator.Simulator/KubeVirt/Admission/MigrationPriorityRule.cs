using DrainOrchestrator.Simulator.Api.Store;
using DrainOrchestrator.Simulator.Cluster;
using DrainOrchestrator.Simulator.Security.Authentication;

namespace DrainOrchestrator.Simulator.KubeVirt.Admission;

/// <summary>
/// KubeVirt's rule for a VMIM's <c>spec.priority</c> (MigrationPriorityQueue): only virt-controller, whose
/// ServiceAccount is <c>kubevirt/kubevirt-controller</c>, may set it, and only to one of the three priorities; anyone
/// else (the cluster admin included) is refused, so an orchestrator's VMIMs always rank below KubeVirt's own.
/// </summary>
internal static class MigrationPriorityRule
{
    /// <summary>The user virt-controller authenticates as.</summary>
    public static string VirtControllerUser { get; } =
        UserInfo.ServiceAccountUser(KubeVirtNames.KubeVirtNamespace, KubeVirtNames.ControllerServiceAccount);

    /// <summary>Why the write may not carry <paramref name="priority"/>; null when it may.</summary>
    public static string? Check(string? priority, WriteOptions options)
    {
        if (priority is null)
        {
            return null;
        }

        if (options.Origin == WriteOrigin.Client && options.User != VirtControllerUser)
        {
            return $"spec.priority can only be set by {VirtControllerUser} (KubeVirt's virt-controller); "
                + $"user \"{options.User}\" must leave it out. Retrying with it cannot succeed: create the migration without spec.priority";
        }

        return MigrationPriorities.Parse(priority) is null
            ? $"Unsupported value: \"{priority}\": supported values: {string.Join(", ", MigrationPriorities.Names.Select(n => $"\"{n}\""))}"
            : null;
    }
}
