using System.Globalization;
using DrainOrchestrator.Bench.Harness.Analysis;

namespace DrainOrchestrator.Orchestration.Bench.Results;

/// <summary>All runs of one bench invocation and the median over them (each figure's median across runs, on its own).</summary>
internal sealed record BenchReport(BenchOptions Options, string ScenarioPath, IReadOnlyList<RunResult> Runs, DateTimeOffset WrittenAt)
{
    /// <summary>The target for the refill latency's 99th percentile.</summary>
    public const double TargetP99Milliseconds = 100;

    public double MedianP50 => Median(Runs.Select(r => r.Refill.Latency.P50));

    public double MedianP99 => Median(Runs.Select(r => r.Refill.Latency.P99));

    public double BestP99 => Runs.Min(r => r.Refill.Latency.P99);

    public double MedianApiRequestsPerMigration => Median(Runs.Select(r => r.ApiRequestsPerMigration));

    public double? MedianStatementsPerMigration => Runs.All(r => r.StatementsPerMigration is not null)
        ? Median(Runs.Select(r => r.StatementsPerMigration!.Value))
        : null;

    public double MedianTransactionsPerMigration => Median(Runs.Select(r => r.TransactionsPerMigration));

    public double MedianCpuSeconds => Median(Runs.Select(r => r.CpuSeconds));

    public double MedianPeakMiB => Median(Runs.Select(r => r.PeakResidentBytes / 1048576.0));

    public double MedianDrainSeconds => Median(Runs.Select(r => r.DrainSeconds));

    /// <summary>The schedule's makespan in model time (first VMIM created to last migration ended), the same at any speed when the engine keeps cluster time.</summary>
    public double MedianMakespanSeconds => Median(Runs.Select(r => r.MakespanSeconds));

    public bool MeetsTarget => MedianP99 < TargetP99Milliseconds;

    /// <summary>The load averages (1, 5, 15 min) over the runs: the lowest and highest 1-minute figure seen.</summary>
    public string LoadRange
    {
        get
        {
            var ones = Runs.SelectMany(r => r.LoadBefore.Take(1).Concat(r.LoadAfter.Take(1))).ToList();
            return ones.Count == 0 ? "n/a" : string.Create(CultureInfo.InvariantCulture, $"{ones.Min():0.0} to {ones.Max():0.0}");
        }
    }

    /// <summary>The refill latencies of every run taken together.</summary>
    public Distribution Pooled => Distribution.Of(Runs.SelectMany(r => r.Refill.AllLatencies));

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).Order().ToArray();
        return sorted.Length == 0 ? double.NaN
            : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2]
            : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
