using System.Text.Json.Nodes;

namespace DrainOrchestrator.EndToEnd.Tests.Support;

/// <summary>
/// How many VMIMs existed unfinished at once, from creation to their final phase, in the ground truth: stricter than
/// the simulator's own peak (which counts only admitted migrations, since KubeVirt queues the rest as Pending). A budget
/// that holds keeps this within the limits, so no VMIM of ours ever has to wait in KubeVirt's queue.
/// </summary>
internal static class Occupancy
{
    /// <summary>The peak over the whole cluster and the peak per source node.</summary>
    public static (int Cluster, IReadOnlyDictionary<string, int> PerSource) Peaks(GroundTruth truth)
    {
        var events = new List<(DateTimeOffset At, int Delta, string? Source)>();
        foreach (var m in truth.Document["migrations"]!.AsArray())
        {
            var created = m!["createdAt"]!.GetValue<DateTimeOffset>();
            var end = FinalAt(m) ?? DateTimeOffset.MaxValue;
            var source = m["sourceNode"]?.GetValue<string>();
            events.Add((created, +1, source));
            events.Add((end, -1, source));
        }

        var cluster = 0;
        var peak = 0;
        var perSource = new Dictionary<string, int>(StringComparer.Ordinal);
        var peakPerSource = new Dictionary<string, int>(StringComparer.Ordinal);
        // At one instant an end frees its slot before a start takes it.
        foreach (var (_, delta, source) in events.OrderBy(e => e.At).ThenBy(e => e.Delta))
        {
            cluster += delta;
            peak = Math.Max(peak, cluster);
            if (source is not null)
            {
                perSource[source] = perSource.GetValueOrDefault(source) + delta;
                peakPerSource[source] = Math.Max(peakPerSource.GetValueOrDefault(source), perSource[source]);
            }
        }

        return (peak, peakPerSource);
    }

    /// <summary>The peak of unfinished VMIMs at once among those whose VMI <paramref name="selected"/> picks by name.</summary>
    public static int PeakOf(GroundTruth truth, Func<string, bool> selected)
    {
        var events = new List<(DateTimeOffset At, int Delta)>();
        foreach (var m in truth.Document["migrations"]!.AsArray())
        {
            if (selected(m!["vmiName"]!.GetValue<string>()))
            {
                events.Add((m["createdAt"]!.GetValue<DateTimeOffset>(), +1));
                events.Add((FinalAt(m) ?? DateTimeOffset.MaxValue, -1));
            }
        }

        var (now, peak) = (0, 0);
        foreach (var (_, delta) in events.OrderBy(e => e.At).ThenBy(e => e.Delta))
        {
            now += delta;
            peak = Math.Max(peak, now);
        }

        return peak;
    }

    private static DateTimeOffset? FinalAt(JsonNode migration) =>
        migration["phaseTransitions"]?.AsArray()
            .FirstOrDefault(t => t!["phase"]!.GetValue<string>() is "Succeeded" or "Failed")?["at"]?.GetValue<DateTimeOffset>();
}
