using DrainOrchestrator.Kubernetes.Models;

namespace DrainOrchestrator.Engine.Evacuate;

/// <summary>
/// The MAC addresses already taken in an evacuation's target cluster, for the preflight's collision check: a VM's
/// template, and a VMI's spec and status (a VMI without a VM included; its status shows the MAC KubeVirt gave it).
/// </summary>
internal static class EvacuationMacs
{
    /// <summary>Each taken MAC (normalized) with its first holder as namespace/name; holders <paramref name="excluded"/> says are skipped.</summary>
    public static Dictionary<string, string> TakenIn(IEnumerable<VirtualMachine> vms, IEnumerable<VirtualMachineInstance> vmis,
        Func<ObjectMeta, bool> excluded)
    {
        var holders = vms.Select(v => (v.Metadata, Macs: v.Spec?.Template?.Spec?.Domain?.Devices?.Interfaces?.Select(i => i.MacAddress) ?? []))
            .Concat(vmis.Select(v => (v.Metadata, Macs: (v.Spec?.Domain?.Devices?.Interfaces?.Select(i => i.MacAddress) ?? [])
                .Concat(v.Status?.Interfaces?.Select(i => i.Mac) ?? []))));
        var taken = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (metadata, macs) in holders.Where(h => !excluded(h.Metadata)))
        {
            foreach (var mac in macs.OfType<string>())
            {
                taken.TryAdd(Normalize(mac), $"{metadata.Namespace}/{metadata.Name}");
            }
        }

        return taken;
    }

    /// <summary>One spelling of a MAC: trimmed, lower case, colons.</summary>
    public static string Normalize(string mac) => mac.Trim().ToLowerInvariant().Replace('-', ':');
}
