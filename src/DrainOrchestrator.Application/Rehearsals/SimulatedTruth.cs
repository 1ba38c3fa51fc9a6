using System.Text.Json.Nodes;

namespace DrainOrchestrator.Application.Rehearsals;

/// <summary>
/// drain-sim's ground truth, read for what a rehearsal reports: when its model clock started, and its migrations. The
/// makespan is the schedule's alone, as the end-to-end tests and benches measure it: from the first VMIM's creation to
/// the last migration's end (Succeeded or Failed), in cluster time.
/// </summary>
internal sealed class SimulatedTruth(JsonObject document)
{
    /// <summary>The wall instant its model clock started at (model time read wall time then).</summary>
    public DateTimeOffset StartedAt => document["startedAt"]?.GetValue<DateTimeOffset>()
        ?? throw new RehearsalException("drain-sim's ground truth has no startedAt: the scenario runs no cluster model. Give a scenario .yaml (drainctl snapshot writes one).",
            isBadInput: true, isRetryable: false);

    /// <summary>How many migrations the cluster saw.</summary>
    public int Migrations => MigrationNodes.Count();

    /// <summary>How many of them failed.</summary>
    public int Failed => MigrationNodes.Count(m => End(m) is { Phase: "Failed" });

    /// <summary>Whether a migration is still unfinished.</summary>
    public bool AnyUnfinished => MigrationNodes.Any(m => End(m) is null);

    /// <summary>First creation to last end; null without migrations or while one is unfinished.</summary>
    public TimeSpan? Makespan
    {
        get
        {
            var migrations = MigrationNodes.ToList();
            if (migrations.Count == 0 || migrations.Any(m => End(m) is null))
            {
                return null;
            }

            return migrations.Max(m => End(m)!.Value.At) - migrations.Min(m => m["createdAt"]!.GetValue<DateTimeOffset>());
        }
    }

    private IEnumerable<JsonNode> MigrationNodes => (document["migrations"]?.AsArray() ?? []).OfType<JsonNode>();

    private static (string Phase, DateTimeOffset At)? End(JsonNode migration) =>
        (migration["phaseTransitions"]?.AsArray() ?? []).OfType<JsonNode>()
            .Where(t => t["phase"]?.GetValue<string>() is "Succeeded" or "Failed")
            .Select(t => ((string Phase, DateTimeOffset At)?)(t["phase"]!.GetValue<string>(), t["at"]!.GetValue<DateTimeOffset>()))
            .FirstOrDefault();
}
