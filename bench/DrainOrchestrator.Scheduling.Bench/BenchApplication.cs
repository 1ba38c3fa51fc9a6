using System.Diagnostics;
using System.Globalization;
using DrainOrchestrator.Scheduling.Bench.Engine;
using DrainOrchestrator.Scheduling.Bench.Results;
using DrainOrchestrator.Scheduling.Bench.Runs;
using DrainOrchestrator.Scheduling.Bench.Suite;

namespace DrainOrchestrator.Scheduling.Bench;

/// <summary>Runs the suite and writes the results.</summary>
internal static class BenchApplication
{
    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var options = BenchOptions.Parse(args, out var exitCode);
        if (options is null)
        {
            return exitCode;
        }

        var wall = Stopwatch.StartNew();
        var suite = SuiteDefinition.Load(options.SuitePath);
        var folder = Path.GetDirectoryName(options.SuitePath)!;
        await using var engine = await EngineDatabase.StartAsync(cancellationToken);
        var cases = new List<CaseResult>();
        var blindCases = new List<CaseResult>();
        foreach (var (entry, scenario) in suite.Scenarios.Where(s => Selected(s, options)).SelectMany(s => ScenarioFamily.Members(s, folder)))
        {
            foreach (var limits in suite.Limits)
            {
                var runner = new CaseRunner(entry, scenario, limits, informed: !options.Blind, engine);
                var result = new CaseResult(entry, scenario.Name, limits, runner.Bound(),
                    await runner.RunAsync(RunMode.Orchestrator, cancellationToken), await runner.RunAsync(RunMode.KubeVirtAlone, cancellationToken));
                cases.Add(result);
                if (options.WithBlind)
                {
                    var blind = await new CaseRunner(entry, scenario, limits, informed: false, engine).RunAsync(RunMode.Orchestrator, cancellationToken);
                    blindCases.Add(result with { Orchestrator = blind });
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{entry.Id,-4} {limits.Name,-9} makespan {result.Orchestrator.MakespanSeconds,8:F1} s  bound {result.Bound.Seconds,8:F1} s  ratio {result.Ratio,5:F3}  kubevirt alone {result.KubeVirtAlone.MakespanSeconds,8:F1} s{(result.KubeVirtAlone.Complete ? "" : " (incomplete)")}  migrations/VM {result.Orchestrator.MigrationsPerVm:F3}/{result.KubeVirtAlone.MigrationsPerVm:F3}  failed {result.Orchestrator.FailedAttempts}/{result.KubeVirtAlone.FailedAttempts}  ({result.Orchestrator.WallSeconds + result.KubeVirtAlone.WallSeconds:F1} s)"));
            }
        }

        var report = new BenchReport(options.Quick, !options.Blind, wall.Elapsed.TotalSeconds, suite.Timelines, cases, blindCases);
        ReportWriter.Write(report, options.OutputDirectory);
        var failures = Checks.Failures(report);
        foreach (var failure in failures)
        {
            Console.Error.WriteLine("check failed: " + failure);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{cases.Count} cases in {wall.Elapsed.TotalSeconds:F1} s; results in {options.OutputDirectory}"));
        return failures.Count == 0 ? 0 : 1;
    }

    private static bool Selected(ScenarioEntry entry, BenchOptions options) =>
        options.Only.Count > 0 ? options.Only.Contains(entry.Id) : !options.Quick || entry.Quick;
}
