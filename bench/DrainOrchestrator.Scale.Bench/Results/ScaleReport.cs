using DrainOrchestrator.Scale.Bench.Measuring;
using DrainOrchestrator.Scale.Bench.Reports;

namespace DrainOrchestrator.Scale.Bench.Results;

/// <summary>One run of the scale bench.</summary>
/// <param name="Quick">The reduced run.</param>
/// <param name="CoreOptimized">Whether Core was compiled with optimizations (Release).</param>
/// <param name="Runtime">The .NET runtime.</param>
/// <param name="DecisionsPerPhase">Decisions measured per phase.</param>
/// <param name="Sizes">Per cluster size.</param>
/// <param name="Report">The report measurement; null when not run.</param>
/// <param name="LoadAtStart">The machine's load when the run began.</param>
/// <param name="LoadAtEnd">The machine's load when it ended.</param>
/// <param name="WallSeconds">The whole run.</param>
internal sealed record ScaleReport(
    bool Quick, bool CoreOptimized, string Runtime, int DecisionsPerPhase, IReadOnlyList<SizeResult> Sizes, ReportResult? Report,
    MachineLoad LoadAtStart, MachineLoad LoadAtEnd, double WallSeconds)
{
    /// <summary>Issue 5's planning target.</summary>
    public static readonly TimeSpan PlanningTarget = TimeSpan.FromSeconds(2);

    /// <summary>A decision over 10,000 remaining VMIs should take well under this (slot refill p99 is 100 ms end to end).</summary>
    public static readonly TimeSpan DecisionTarget = TimeSpan.FromMilliseconds(10);

    /// <summary>
    /// The ratio of a later size's median to the first size's: planning, and per decision phase the wall-clock time, the
    /// CPU time and the floor's CPU time (which shows what the memory hierarchy alone makes of more data).
    /// </summary>
    public IEnumerable<(SizeResult From, SizeResult To, double Scale, double Planning, IReadOnlyList<(string Phase, double Ratio, double CpuRatio, double FloorRatio)> Decisions)> Growth()
    {
        if (Sizes.Count < 2)
        {
            yield break;
        }

        var from = Sizes[0];
        foreach (var to in Sizes.Skip(1))
        {
            var phases = new List<(string, double, double, double)>();
            foreach (var d in to.Decisions)
            {
                var before = from.Decisions.FirstOrDefault(f => f.Phase == d.Phase);
                phases.Add((d.Phase, Ratio(d.Milliseconds.Median, before?.Milliseconds.Median),
                    Ratio(d.CpuMilliseconds.Median, before?.CpuMilliseconds.Median),
                    Ratio(d.FloorCpuMilliseconds.Median, before?.FloorCpuMilliseconds.Median)));
            }

            yield return (from, to, (double)to.Size.Vmis / from.Size.Vmis, Ratio(to.Planning.Milliseconds.Median, from.Planning.Milliseconds.Median),
                phases);
        }
    }

    private static double Ratio(double to, double? from) => from is > 0 ? to / from.Value : double.NaN;
}
