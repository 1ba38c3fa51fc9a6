using System.Globalization;

namespace DrainOrchestrator.Simulator.KubeVirt.Rendering;

/// <summary>
/// A byte count as a Kubernetes quantity in binary-SI canonical form (<c>20Gi</c>, <c>512Mi</c>), what a PVC's
/// request and capacity show when the client asked in those units; a count that is no whole KiB stays plain.
/// </summary>
internal static class BinaryQuantity
{
    private static readonly string[] Suffixes = ["Ki", "Mi", "Gi", "Ti", "Pi", "Ei"];

    public static string Format(long bytes)
    {
        var value = bytes;
        var suffix = "";
        for (var i = 0; i < Suffixes.Length && value != 0 && value % 1024 == 0; i++)
        {
            value /= 1024;
            suffix = Suffixes[i];
        }

        return value.ToString(CultureInfo.InvariantCulture) + suffix;
    }
}
