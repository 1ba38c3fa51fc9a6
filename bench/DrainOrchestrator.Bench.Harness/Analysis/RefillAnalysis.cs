namespace DrainOrchestrator.Bench.Harness.Analysis;

/// <summary>
/// Slot refill latency, from the simulator's ground truth and the engine's verbose log.
/// <para>
/// A migration completes at the time the ground truth gives its Succeeded or Failed phase. The engine pass that first
/// recorded that outcome (its 3021 line) either started migrations or did not. If it did, the completion counts as a
/// refill: its latency is the creation time at the simulator (the VMIM's createdAt in the ground truth) of a VMIM that
/// pass created, minus the completion time, in wall time (model time divided by the speed). Several completions seen by
/// one pass are paired in time order with that pass's creations; completions beyond its number of creations, and
/// completions whose pass created nothing, are not refills: the scheduler left the slot empty on purpose (the
/// just-in-time start of <c>NicTimeline</c>, a per-node limit, or nothing left to start) and is not waiting on the engine.
/// </para>
/// <para>
/// Apart from that definition the ground truth alone gives the idle gap: for every completion after which another VMIM
/// was created, the time to the next creation of any VMIM. It includes the deliberate delays.
/// </para>
/// </summary>
public static class RefillAnalysis
{
    public static RefillResult Compute(GroundTruth truth, EngineLog log, double speed)
    {
        var byName = truth.Migrations.ToDictionary(m => m.Name, StringComparer.Ordinal);
        var completions = truth.Migrations.Where(m => m.FinishedAt is not null).OrderBy(m => m.FinishedAt).ToList();
        var creations = truth.Migrations.Select(m => m.CreatedAt).Order().ToArray();
        double Wall(TimeSpan modelTime) => modelTime.TotalMilliseconds / speed;

        var gaps = new List<double>();
        foreach (var completion in completions)
        {
            var index = Array.FindIndex(creations, c => c >= completion.FinishedAt);
            if (index >= 0)
            {
                gaps.Add(Wall(creations[index] - completion.FinishedAt!.Value));
            }
        }

        var refills = new List<Refill>();
        int leftEmpty = 0, nothingLeft = 0, unobserved = 0;
        var observingPass = new Dictionary<string, EnginePass>(StringComparer.Ordinal);
        foreach (var pass in log.Passes)
        {
            foreach (var seen in pass.Observed.Where(o => o.What is "succeeded" or "failed" or "aborted"))
            {
                observingPass.TryAdd(seen.Vmim, pass);
            }
        }

        if (log.HasPasses)
        {
            foreach (var group in completions.GroupBy(c => observingPass.GetValueOrDefault(c.Name)))
            {
                if (group.Key is not { } pass)
                {
                    unobserved += group.Count();
                    continue;
                }

                var started = pass.Started.Select(s => byName.GetValueOrDefault(s.Vmim)).OfType<TrueMigration>()
                    .OrderBy(m => m.CreatedAt).ToList();
                var completed = group.OrderBy(c => c.FinishedAt).ToList();
                for (var i = 0; i < completed.Count; i++)
                {
                    var completion = completed[i];
                    if (i >= started.Count)
                    {
                        if (creations[^1] > completion.FinishedAt)
                        {
                            leftEmpty++;
                        }
                        else
                        {
                            nothingLeft++;
                        }

                        continue;
                    }

                    var next = started[i];
                    var finishedAt = completion.FinishedAt!.Value;
                    refills.Add(new Refill(completion.Name, next.Name, completion.SourceNode, next.SourceNode, finishedAt, next.CreatedAt,
                        Wall(next.CreatedAt - finishedAt),
                        speed == 1 ? (pass.BeganAt - finishedAt).TotalMilliseconds : null,
                        speed == 1 ? (next.CreatedAt - pass.BeganAt).TotalMilliseconds : null));
                }
            }
        }

        var decisions = log.Passes.Where(p => p.Started.Count > 0 && p.DecisionMilliseconds is not null).Select(p => p.DecisionMilliseconds!.Value);
        return new RefillResult(
            Distribution.Of(refills.Select(r => r.LatencyMs)),
            Distribution.Of(gaps),
            Distribution.Of(refills.Where(r => r.ToPassMs is not null).Select(r => r.ToPassMs!.Value)),
            Distribution.Of(refills.Where(r => r.PassToCreatedMs is not null).Select(r => r.PassToCreatedMs!.Value)),
            Distribution.Of(decisions),
            completions.Count, refills.Count, leftEmpty, nothingLeft, unobserved, log.Passes.Count,
            [.. refills.OrderByDescending(r => r.LatencyMs).Take(5)], [.. refills.Select(r => r.LatencyMs)]);
    }
}

/// <summary>
/// One counted refill: a completion and the VMIM the engine created in the pass that saw it. At speed 1 the latency is
/// split at the beginning of that pass in the engine's log: <c>ToPassMs</c> from the completion (the simulator
/// publishing it, the watch, the informer, and a pass already in progress finishing), <c>PassToCreatedMs</c> to the VMIM
/// created at the simulator (the engine's own part: drain state read, attempts listed, decision, intent journaled, POST).
/// </summary>
public sealed record Refill(string Completed, string Started, string? CompletedSource, string? StartedSource,
    DateTimeOffset CompletedAt, DateTimeOffset CreatedAt, double LatencyMs, double? ToPassMs, double? PassToCreatedMs);

/// <summary>
/// The refill latencies of one run and what the engine's passes did. <c>Latency</c>: completion to the refilling
/// VMIM's creation (the headline). <c>IdleGap</c>: completion to the next creation of any VMIM, deliberate delays
/// included (ground truth only). <c>EventToPass</c> and <c>EngineSide</c>: the latency split at the beginning of the
/// pass that saw the completion (see <see cref="Refill"/>). <c>PassDecision</c>: the engine's own measure of passes that
/// started something, from their beginning to their last start. Counts: completions, refills, completions the scheduler
/// left empty on purpose, completions with nothing left to start, completions no pass was seen recording, and passes.
/// </summary>
public sealed record RefillResult(Distribution Latency, Distribution IdleGap, Distribution EventToPass, Distribution EngineSide,
    Distribution PassDecision, int Completions, int Refills, int LeftEmpty, int NothingLeft, int Unobserved, int Passes,
    IReadOnlyList<Refill> Slowest, IReadOnlyList<double> AllLatencies);
