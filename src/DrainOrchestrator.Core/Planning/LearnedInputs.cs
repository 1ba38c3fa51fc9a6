using DrainOrchestrator.Core.Snapshot;

namespace DrainOrchestrator.Core.Planning;

/// <summary>
/// The precedence of the cost model's inputs, once: an operator's annotation overrides the metrics, which override what
/// earlier migrations showed, which overrides the assumed default (docs/learned-inputs.md).
/// </summary>
public static class LearnedInputs
{
    /// <summary>The guest's dirty rate and where it came from.</summary>
    public static (long Rate, InputSource Source) DirtyRate(VmiSnapshot vmi, ClusterSnapshot snapshot, MigrationHistory history,
        CostModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(vmi);
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(options);
        if (vmi.DirtyRateBytesPerSecond is { } annotated)
        {
            return (annotated, InputSource.Annotation);
        }

        if (snapshot.MetricDirtyRates.TryGetValue(vmi.Uid, out var measured))
        {
            return (measured, InputSource.Metrics);
        }

        return history.DirtyRateOf(vmi.Uid) is { } observed
            ? (observed, InputSource.Observed)
            : (options.AssumedDirtyRateBytesPerSecond, InputSource.Default);
    }

    /// <summary>
    /// The bandwidth observed for the VMI's migration (null when its source node's annotated NIC or the default applies)
    /// and where the bandwidth the estimate uses comes from. An annotated NIC wins over earlier transfers: the operator
    /// knows of a new NIC before any migration used it.
    /// </summary>
    public static (long? Observed, InputSource Source) Bandwidth(VmiSnapshot vmi, long? annotatedNic, MigrationHistory history)
    {
        ArgumentNullException.ThrowIfNull(vmi);
        ArgumentNullException.ThrowIfNull(history);
        if (annotatedNic is not null)
        {
            return (null, InputSource.Annotation);
        }

        var observed = history.ThroughputOf(vmi.Uid) ?? history.ThroughputFrom(vmi.NodeName);
        return observed is null ? (null, InputSource.Default) : (observed, InputSource.Observed);
    }
}
