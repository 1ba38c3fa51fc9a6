using System.Globalization;
using System.Text;

namespace DrainOrchestrator.Scale.Bench.Engine;

/// <summary>
/// The engine section of <c>scale.md</c>, between its markers: written into the file as it is, so a full run of the
/// scale bench (which rewrites the rest) and an engine-only run both leave it current.
/// </summary>
internal static class EngineMarkdown
{
    private const string Begin = "<!-- engine-at-scale -->";
    private const string End = "<!-- /engine-at-scale -->";

    public static async Task WriteIntoAsync(string path, IReadOnlyList<EngineResult> results, CancellationToken cancellationToken)
    {
        var existing = File.Exists(path) ? await File.ReadAllTextAsync(path, cancellationToken) : string.Empty;
        var start = existing.IndexOf(Begin, StringComparison.Ordinal);
        var stop = existing.IndexOf(End, StringComparison.Ordinal);
        var section = Section(results);
        var text = start >= 0 && stop > start
            ? existing[..start] + section + existing[(stop + End.Length)..]
            : existing.TrimEnd() + (existing.Length > 0 ? "\n\n" : string.Empty) + section + "\n";
        await File.WriteAllTextAsync(path, text, new UTF8Encoding(false), cancellationToken);
    }

    private static string Section(IReadOnlyList<EngineResult> results)
    {
        var text = new StringBuilder();
        void Line(FormattableString line) => text.AppendLine(line.ToString(CultureInfo.InvariantCulture));
        text.AppendLine(Begin);
        Line($"## Engine at scale (issue 16, point 4)");
        text.AppendLine();
        Line($"The production `DrainRunner` drains a generated cluster (the generator above; 10% of the nodes) held in memory by");
        Line($"`Engine/SimulatedCluster.cs`, which feeds the engine's view as the informers do (a `ClusterCache`) and answers its");
        Line($"API calls at once; PostgreSQL is a private server with the real schema. A VMIM runs 30 ms after its creation and");
        Line($"succeeds at 300 ms; VMIs nobody migrates change 200 times a second (a seeded stream). Measured from the first");
        Line($"success on: a pass runs from the loop's pass event (3050) until it waits for the next change (one woken only by");
        Line($"changes its decision does not read ends at once, event 3052: \"passes that decided\" leaves those out); a refill from a");
        Line($"success to the next VMIM create (paired oldest first, so a slot left empty on purpose counts too: an upper bound);");
        Line($"CPU and allocations are the process's, less the simulated cluster's thread (PostgreSQL's own CPU is not counted).");
        Line($"Run: `dotnet run -c Release --project bench/DrainOrchestrator.Scale.Bench -- --engine-only --engine-label LABEL`;");
        Line($"each label is the code measured (bench/README.md says how the run labelled before was made).");
        text.AppendLine();
        Line($"| run | cluster | migrations | pass p50 | pass p99 | pass max | passes | passes that decided: count, p50 / p99 | of which Core's decision p50 / p99 | refill p50 / p99 (by pass) | left empty | refill p50 / p99 (upper bound) | journal commit p50 / p99 / max | engine CPU / migration | allocated / migration | allocated / pass | gen 2 GCs | changes / s | load |");
        Line($"|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var r in results)
        {
            // No pass ended in the window: every one took longer than the window.
            var (p50, p99, max) = r.Passes.Count == 0
                ? ($"> {r.WindowSeconds:0} s", $"> {r.WindowSeconds:0} s", $"> {r.WindowSeconds:0} s")
                : ($"{r.Passes.Median:0.0} ms", $"{r.Passes.P99:0.0} ms", $"{r.Passes.Worst:0.0} ms");
            var bound = r.Refills.Count == 0 ? "none" : $"{r.Refills.Median:0.0} / {r.Refills.P99:0.0} ms";
            var decided = r.DecidedPasses is not { Count: > 0 } q ? "not measured" : $"{q.Count}: {q.Median:0.0} / {q.P99:0.0} ms";
            var commits = r.Commits is not { Count: > 0 } c ? "not measured" : $"{c.Median:0.0} / {c.P99:0.0} / {c.Worst:0.0} ms";
            var byPass = r.PassRefills is not { Count: > 0 } p ? "not measured" : $"{p.Median:0.0} / {p.P99:0.0} ms";
            Line($"| {r.Label} | {r.Cluster}, {r.DrainedNodes} drained | {r.Migrations} in {r.WindowSeconds:0} s | {p50} | {p99} | {max} | {r.Passes.Count} | {decided} | {(r.Decisions is { Count: > 0 } d ? $"{d.Median:0.0} / {d.P99:0.0} ms" : "none")} | {byPass} | {(r.LeftEmpty is { } empty ? empty.ToString(System.Globalization.CultureInfo.InvariantCulture) : "n/a")} | {bound} | {commits} | {r.EngineCpuMsPerMigration:0.0} ms | {r.AllocatedKiBPerMigration / 1024:0.0} MiB | {(r.Passes.Count == 0 ? "n/a" : $"{r.AllocatedKiBPerPass / 1024:0.00} MiB")} | {r.FullCollections} | {r.ClusterChangesPerSecond:0} | {r.Load} |");
        }

        text.AppendLine();
        Line($"Targets: pass p99 under 50 ms, slot refill p99 under 100 ms at 5,000 nodes and 100,000 VMIs.");
        Line($"Refill by pass: the successes a pass saw, paired in time order with the VMIMs that pass created, as the orchestration");
        Line($"bench counts them; a success beyond the pass's creates was left empty on purpose (a per-node limit, a just-in-time");
        Line($"start, nothing left) and is counted under \"left empty\". The upper bound pairs every create with the oldest success");
        Line($"not yet paired, so it times those deliberate waits too. Journal commit: PostgreSQL's commit of each journal write the");
        Line($"engine made in a transaction, by its own histogram (`drain_orchestrator_journal_commit_duration_seconds`): a start");
        Line($"waits for its intent's commit, so one commit stalled on the disk (the WAL's flush) delays every refill of that pass.");
        text.Append(End);
        return text.ToString();
    }
}
