namespace DrainOrchestrator.Scheduling.Bench.Results;

/// <summary>Everything one run of the bench produced.</summary>
/// <param name="Quick">The reduced run.</param>
/// <param name="Informed">NIC bandwidths and dirty rates were given to Core.</param>
/// <param name="WallSeconds">How long the bench took.</param>
/// <param name="Timelines">The scenarios drawn as timelines.</param>
/// <param name="Cases">Every scenario under every limit setting.</param>
/// <param name="BlindCases">The same cases with the orchestrator run on the blind mapping (--with-blind), else empty.</param>
internal sealed record BenchReport(
    bool Quick, bool Informed, double WallSeconds, IReadOnlyList<string> Timelines, IReadOnlyList<CaseResult> Cases,
    IReadOnlyList<CaseResult> BlindCases)
{
    /// <summary>The file name prefix: the quick run never overwrites the full run's results.</summary>
    public string Prefix => Quick ? "scheduling-quick" : "scheduling";

    /// <summary>The runs to draw as timelines: both modes of the first limit setting of each timeline scenario.</summary>
    public IEnumerable<(string Scenario, IReadOnlyList<RunResult> Runs)> TimelineRuns() =>
        Timelines.Select(id => Cases.FirstOrDefault(c => c.Entry.Id == id))
            .Where(c => c is not null)
            .Select(c => (c!.Entry.Id, (IReadOnlyList<RunResult>)[c.Orchestrator, c.KubeVirtAlone]));
}
