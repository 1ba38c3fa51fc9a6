using DrainOrchestrator.Scheduling.Bench.Runs;
using DrainOrchestrator.Simulator.Cluster;

namespace DrainOrchestrator.Scheduling.Bench.Results;

/// <summary>Turns the simulator's ground truth and the batch outcomes into a <see cref="RunResult"/>.</summary>
internal static class MetricsCollector
{
    public static RunResult Collect(
        string scenario, string limits, RunMode mode, GroundTruthReport truth, IReadOnlyList<BatchOutcome> batches,
        double wallSeconds)
    {
        var start = truth.StartedAt;
        var succeeded = truth.Migrations.Where(m => m.Outcome == MigrationOutcome.Succeeded).ToList();
        var moved = succeeded.Select(m => m.Namespace + "/" + m.VmiName).Distinct(StringComparer.Ordinal).Count();
        return new RunResult
        {
            Scenario = scenario,
            Limits = limits,
            Mode = mode,
            MakespanSeconds = batches.Sum(b => b.Makespan.TotalSeconds),
            BatchMakespanSeconds = [.. batches.Select(b => b.Makespan.TotalSeconds)],
            Complete = batches.All(b => b.Left == 0 && !b.Stuck),
            VmisToMove = batches.Sum(b => b.VmisToMove),
            Left = batches.Sum(b => b.Left),
            Succeeded = succeeded.Count,
            FailedAttempts = truth.Failed,
            PostCopy = succeeded.Count(m => m.Mode == MigrationMode.PostCopy),
            BytesMoved = truth.Migrations.Sum(m => m.BytesProcessed),
            MigrationsPerVm = moved == 0 ? 0 : (double)succeeded.Count / moved,
            LimitViolations = truth.LimitViolations.Count,
            PeakInFlight = truth.PeakInFlight,
            Decisions = batches.Sum(b => b.Decisions),
            DecideSeconds = batches.Sum(b => b.DecideSeconds),
            WallSeconds = wallSeconds,
            Migrations = [.. truth.Migrations.Select(m => Record(m, start))],
        };
    }

    private static MigrationRecord Record(MigrationTruth m, DateTimeOffset start)
    {
        double? At(MigrationPhase phase) =>
            m.PhaseTransitions.FirstOrDefault(t => t.Phase == phase) is { } t ? (t.At - start).TotalSeconds : null;
        var ended = m.Outcome == MigrationOutcome.Unfinished ? null : (double?)(m.PhaseTransitions[^1].At - start).TotalSeconds;
        return new MigrationRecord(m.Namespace + "/" + m.VmiName, m.SourceNode, m.TargetNode, (m.CreatedAt - start).TotalSeconds,
            At(MigrationPhase.Scheduling), At(MigrationPhase.Running), ended, m.Outcome.ToString(), m.Mode?.ToString(), m.BytesProcessed);
    }
}
