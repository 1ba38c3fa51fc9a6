using System.Text;
using DrainOrchestrator.Core.Snapshot;

namespace DrainOrchestrator.Core.Planning;

/// <summary>
/// Guests of one kind: the same namespace, the same memory and the same labels, leaving out the labels KubeVirt sets
/// per instance (any key under <c>kubevirt.io/</c>, such as <c>vm.kubevirt.io/name</c>) and any label whose value is the
/// guest's own name. The replicas of a VirtualMachinePool, or VMs made from one template, are siblings; what one of
/// them showed of its dirty rate is the best guess for the others that have shown nothing yet.
/// </summary>
public static class SiblingKey
{
    /// <summary>The key of <paramref name="vmi"/>'s kind.</summary>
    public static string Of(VmiSnapshot vmi)
    {
        ArgumentNullException.ThrowIfNull(vmi);
        var key = new StringBuilder(vmi.Namespace).Append('|').Append(vmi.MemoryBytes);
        foreach (var (name, value) in vmi.Labels.OrderBy(l => l.Key, StringComparer.Ordinal))
        {
            if (name.Contains("kubevirt.io/", StringComparison.Ordinal) || string.Equals(value, vmi.Name, StringComparison.Ordinal))
            {
                continue;
            }

            key.Append('|').Append(name).Append('=').Append(value);
        }

        return key.ToString();
    }
}
