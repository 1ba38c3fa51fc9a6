using System.Globalization;

namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>
/// The annotations operators set to tell drain-orchestrator's engine what Kubernetes has no field for: a node's
/// migration bandwidth and a guest's dirty rate, in bytes per second as Kubernetes quantities. With
/// <see cref="ClusterScenario.Hints"/> the model publishes them from its own truth. The names are the engine's
/// (<c>Engine/Cluster/HintAnnotations.cs</c>), written again here because the simulator imports nothing of the orchestrator.
/// </summary>
public static class HintAnnotations
{
    /// <summary>On a node: its migration NIC bandwidth each way.</summary>
    public const string MigrationBandwidth = "drain-orchestrator.io/migration-bandwidth";

    /// <summary>
    /// On a node: its dedicated migration NIC's bandwidth each way (the NIC Multus attaches as <c>migration0</c>), for
    /// migrations over the dedicated migration network; <see cref="MigrationBandwidth"/> stays the pod network's.
    /// </summary>
    public const string MigrationNetworkBandwidth = "drain-orchestrator.io/migration-network-bandwidth";

    /// <summary>On a VMI: how fast the guest dirties memory.</summary>
    public const string DirtyRate = "drain-orchestrator.io/dirty-rate";

    /// <summary>On a VMI: how much memory the guest keeps re-writing, in bytes.</summary>
    public const string WorkingSet = "drain-orchestrator.io/working-set";

    private static readonly string[] BinarySuffixes = ["Ei", "Pi", "Ti", "Gi", "Mi", "Ki"];

    /// <summary>No annotations: what a model without hints publishes.</summary>
    public static IReadOnlyDictionary<string, string> None { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// <paramref name="bytesPerSecond"/> as a quantity: with the largest binary suffix that divides it exactly
    /// (<c>800Mi</c>), else as a plain number (<c>1250000000</c>).
    /// </summary>
    public static string Format(long bytesPerSecond)
    {
        for (var i = 0; i < BinarySuffixes.Length && bytesPerSecond != 0; i++)
        {
            var unit = 1L << (10 * (BinarySuffixes.Length - i));
            if (bytesPerSecond % unit == 0)
            {
                return (bytesPerSecond / unit).ToString(CultureInfo.InvariantCulture) + BinarySuffixes[i];
            }
        }

        return bytesPerSecond.ToString(CultureInfo.InvariantCulture);
    }

    internal static IReadOnlyDictionary<string, string> ForNode(long nicBandwidth, long migrationNicBandwidth)
    {
        var annotations = new Dictionary<string, string>(StringComparer.Ordinal) { [MigrationBandwidth] = Format(nicBandwidth) };
        if (migrationNicBandwidth > 0)
        {
            annotations[MigrationNetworkBandwidth] = Format(migrationNicBandwidth);
        }

        return annotations;
    }

    // Rounded up, so a guest that dirties anything at all never reads as zero; a working set only when it has one.
    internal static IReadOnlyDictionary<string, string> ForVmi(double dirtyRate, long workingSet)
    {
        var annotations = new Dictionary<string, string>(StringComparer.Ordinal) { [DirtyRate] = Format((long)Math.Ceiling(Math.Max(0, dirtyRate))) };
        if (workingSet > 0)
        {
            annotations[WorkingSet] = Format(workingSet);
        }

        return annotations;
    }
}
