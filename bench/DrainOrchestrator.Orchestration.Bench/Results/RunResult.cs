using DrainOrchestrator.Bench.Harness.Analysis;
using DrainOrchestrator.Bench.Harness.Runs;
using DrainOrchestrator.Orchestration.Bench.Runs;
using DrainOrchestrator.Testing;

namespace DrainOrchestrator.Orchestration.Bench.Results;

/// <summary>Everything measured in one drain.</summary>
internal sealed record RunResult(
    int Run,
    double DrainSeconds,
    double MakespanSeconds,
    int Migrations,
    int FailedMigrations,
    RefillResult Refill,
    long ApiRequests,
    IReadOnlyList<RequestCount> ApiRequestsByKind,
    long? Statements,
    IReadOnlyList<StatementCount> TopStatements,
    long Transactions,
    double CpuUserSeconds,
    double CpuSystemSeconds,
    long PeakResidentBytes,
    long PeakThreads,
    IReadOnlyList<double> LoadBefore,
    IReadOnlyList<double> LoadAfter,
    int PeakInFlight,
    int LimitViolations,
    int VmiLosses)
{
    public double ApiRequestsPerMigration => (double)ApiRequests / Math.Max(1, Migrations);

    public double? StatementsPerMigration => Statements is { } s ? (double)s / Math.Max(1, Migrations) : null;

    public double TransactionsPerMigration => (double)Transactions / Math.Max(1, Migrations);

    public double CpuSeconds => CpuUserSeconds + CpuSystemSeconds;

    public double CpuMillisecondsPerMigration => CpuSeconds * 1000 / Math.Max(1, Migrations);

    public static RunResult From(RunMaterial material)
    {
        var facts = material.Facts;
        var truth = GroundTruth.Parse(material.GroundTruth);
        var log = EngineLog.Parse(material.EngineLog, facts.StartedAt);
        return new RunResult(
            facts.Run,
            (facts.ExitedAt - facts.StartedAt).TotalSeconds,
            GroundTruthMakespan.Of(material.GroundTruth)?.TotalSeconds ?? double.NaN,
            truth.Migrations.Count,
            truth.Migrations.Count(m => m.Outcome is not "Succeeded"),
            RefillAnalysis.Compute(truth, log, facts.Speed),
            truth.Requests,
            truth.RequestsByKind,
            facts.StatementsTracked ? material.Statements.Sum(s => s.Calls) : null,
            [.. material.Statements.Take(12)],
            facts.Transactions,
            facts.CpuUserSeconds,
            facts.CpuSystemSeconds,
            facts.PeakResidentBytes,
            facts.PeakThreads,
            facts.LoadBefore,
            facts.LoadAfter,
            truth.PeakInFlight,
            truth.LimitViolations,
            truth.VmiLosses);
    }
}
