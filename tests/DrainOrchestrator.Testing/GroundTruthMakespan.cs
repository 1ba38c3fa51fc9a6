using System.Text.Json.Nodes;

namespace DrainOrchestrator.Testing;

/// <summary>
/// A drain's makespan from drain-sim's ground truth, in model time: from the first VMIM's creation to the last
/// migration's end (Succeeded or Failed). The schedule alone, without the engine's start-up, which takes wall time (and
/// so more model time at a higher speed). The end-to-end tests and the benches judge by the same definition.
/// </summary>
public static class GroundTruthMakespan
{
    /// <summary>The makespan of <paramref name="document"/> (<c>GET /sim/v1/ground-truth</c>); null without migrations or while one is unfinished.</summary>
    public static TimeSpan? Of(JsonObject document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var migrations = document["migrations"]?.AsArray() ?? [];
        if (migrations.Count == 0)
        {
            return null;
        }

        var first = DateTimeOffset.MaxValue;
        var last = DateTimeOffset.MinValue;
        foreach (var migration in migrations)
        {
            var created = migration!["createdAt"]!.GetValue<DateTimeOffset>();
            var ended = (migration["phaseTransitions"]?.AsArray() ?? [])
                .Where(t => t!["phase"]!.GetValue<string>() is "Succeeded" or "Failed")
                .Select(t => (DateTimeOffset?)t!["at"]!.GetValue<DateTimeOffset>())
                .FirstOrDefault();
            if (ended is not { } end)
            {
                return null;
            }

            (first, last) = (created < first ? created : first, end > last ? end : last);
        }

        return last - first;
    }
}
