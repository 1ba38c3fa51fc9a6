using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;
using DrainOrchestrator.Core.Planning;
using DrainOrchestrator.Core.Policy;
using DrainOrchestrator.Core.Scheduling;
using DrainOrchestrator.Persistence.Embedded;
using DrainOrchestrator.Scale.Bench.Clusters;
using DrainOrchestrator.Scale.Bench.Decisions;
using DrainOrchestrator.Scale.Bench.Engine;
using DrainOrchestrator.Scale.Bench.Measuring;
using DrainOrchestrator.Scale.Bench.Planning;
using DrainOrchestrator.Scale.Bench.Reports;
using DrainOrchestrator.Scale.Bench.Results;

namespace DrainOrchestrator.Scale.Bench;

/// <summary>Runs the scale bench: planning and decisions per size, then the report; writes scale.json and scale.md.</summary>
internal static class ScaleApplication
{
    public const int Seed = 20_250_601;

    public static async Task<int> RunAsync(string[] args)
    {
        var options = ScaleOptions.Parse(args, out var exitCode);
        if (options is null)
        {
            return exitCode;
        }

        if (options.TracePath is { } trace)
        {
            var lines = DecisionTrace.Write(options.Cases, options.Decisions, trace, Console.Out);
            Console.WriteLine($"{lines} decisions traced into {trace}");
            return 0;
        }

        if (options.EngineOnly)
        {
            return await RunEngineAsync(options, writeSection: true);
        }

        var wall = Stopwatch.StartNew();
        var loadAtStart = MachineLoad.Now();
        var optimized = IsOptimized(typeof(DrainScheduler).Assembly);
        Console.WriteLine($"scale bench: {(optimized ? "Release" : "DEBUG (numbers are not representative)")} Core, {RuntimeInformation.FrameworkDescription}, {loadAtStart}");
        var policy = new DrainPolicy { NonMigratableAction = NonMigratableAction.Skip };
        WarmUp(policy);

        var sizes = new List<SizeResult>();
        foreach (var size in options.Cases)
        {
            sizes.Add(MeasureSize(size, policy, options));
        }

        ReportResult? report = null;
        if (options.Report)
        {
            Console.WriteLine($"report of a drain with {options.ReportAttempts} migration attempts");
            try
            {
                report = await ReportBenchmark.RunAsync(options.ReportAttempts, options.ReportRuns, Console.Out, CancellationToken.None);
            }
            catch (EmbeddedPostgresException ex)
            {
                await Console.Error.WriteLineAsync($"error: no PostgreSQL for the report measurement: {ex.Message} (install the postgresql package, set DRAIN_TEST_DB, or pass --no-report)");
                return 1;
            }
        }

        var result = new ScaleReport(options.Quick, optimized, RuntimeInformation.FrameworkDescription, options.Decisions, sizes, report,
            loadAtStart, MachineLoad.Now(), wall.Elapsed.TotalSeconds);
        Directory.CreateDirectory(options.OutputDirectory);
        var suffix = options.Quick ? "-quick" : string.Empty;
        var json = Path.Combine(options.OutputDirectory, $"scale{suffix}.json");
        var markdown = Path.Combine(options.OutputDirectory, $"scale{suffix}.md");
        await File.WriteAllTextAsync(json, ScaleJson.Write(result) + "\n", new UTF8Encoding(false));
        await File.WriteAllTextAsync(markdown, ScaleMarkdown.Write(result), new UTF8Encoding(false));
        var engine = options.Engine ? await RunEngineAsync(options, writeSection: false) : 0;
        await EngineMarkdown.WriteIntoAsync(markdown, await EngineResults.ReadAsync(EngineJson(options), CancellationToken.None), CancellationToken.None);
        Console.WriteLine($"done in {wall.Elapsed.TotalSeconds:0} s; results in {json} and {markdown}");
        return engine;
    }

    // The engine at scale: its result joins the others of scale-engine.json (by label) and the section of scale.md.
    private static async Task<int> RunEngineAsync(ScaleOptions options, bool writeSection)
    {
        var bench = options.EngineBench;
        Console.WriteLine($"engine: {bench.Size.Label}, {bench.Size.DrainedNodes} drained, {bench.Migrations} migrations measured ({bench.Label})");
        EngineResult result;
        try
        {
            result = await EngineBenchmark.RunAsync(bench, Seed, Console.Out, CancellationToken.None);
        }
        catch (EmbeddedPostgresException ex)
        {
            await Console.Error.WriteLineAsync($"error: no PostgreSQL for the engine bench: {ex.Message} (install the postgresql package, set DRAIN_TEST_DB, or pass --no-engine)");
            return 1;
        }
        catch (TimeoutException ex)
        {
            await Console.Error.WriteLineAsync($"error: the engine bench: {ex.Message}; the engine's warnings above say why (allow longer with --engine-minutes N)");
            return 1;
        }

        Console.WriteLine($"  passes: {result.Passes.Count}, p50 {result.Passes.Median:0.0} ms, p99 {result.Passes.P99:0.0} ms, max {result.Passes.Worst:0.0} ms (Core's decision p50 {result.Decisions.Median:0.0} ms, p99 {result.Decisions.P99:0.0} ms); refills by pass: {result.PassRefills?.Count ?? 0}, p50 {result.PassRefills?.Median ?? 0:0.0} ms, p99 {result.PassRefills?.P99 ?? 0:0.0} ms, {result.LeftEmpty ?? 0} left empty on purpose; upper bound: {result.Refills.Count}, p50 {result.Refills.Median:0.0} ms, p99 {result.Refills.P99:0.0} ms; journal commits: {result.Commits?.Count ?? 0}, p50 {result.Commits?.Median ?? 0:0.0} ms, p99 {result.Commits?.P99 ?? 0:0.0} ms, max {result.Commits?.Worst ?? 0:0.0} ms");
        Console.WriteLine($"  engine CPU {result.EngineCpuMsPerMigration:0.0} ms and {result.AllocatedKiBPerMigration / 1024:0.0} MiB allocated per migration; {result.FullCollections} gen 2 GCs; {result.ClusterChangesPerSecond:0} cluster changes/s ({result.Load})");
        Directory.CreateDirectory(options.OutputDirectory);
        var results = await EngineResults.SaveAsync(EngineJson(options), result, CancellationToken.None);
        if (writeSection)
        {
            var markdown = Path.Combine(options.OutputDirectory, options.Quick ? "scale-quick.md" : "scale.md");
            await EngineMarkdown.WriteIntoAsync(markdown, results, CancellationToken.None);
        }

        return 0;
    }

    private static string EngineJson(ScaleOptions options) =>
        Path.Combine(options.OutputDirectory, options.Quick ? "scale-engine-quick.json" : "scale-engine.json");

    private static SizeResult MeasureSize(ScaleCase size, DrainPolicy policy, ScaleOptions options)
    {
        Console.WriteLine($"{size.Label}, {size.DrainedNodes} drained");
        var cluster = ClusterGenerator.Generate(size, Seed);
        var drained = ClusterGenerator.DrainedNodes(size);
        var (planning, plan) = PlanningBenchmark.Run(cluster, drained, policy, options.PlanningRuns);
        Console.WriteLine($"  plan: {planning.PlannedVmis} VMIs, {planning.Migrations} migrations, {planning.Waves} waves; median {planning.Milliseconds.Median:0} ms (CPU {planning.CpuMilliseconds.Median:0} ms), cold {planning.ColdMilliseconds:0} ms ({planning.Load})");
        var first = DecisionBenchmark.FirstDecisionMilliseconds(cluster, plan, policy, 3);
        var decisions = new List<DecisionResult>();
        foreach (var phase in DrainPhase.Standard)
        {
            var result = DecisionBenchmark.Run(cluster, plan, policy, phase, options.Decisions, Seed);
            decisions.Add(result);
            Console.WriteLine($"  decide at {phase.Name,-5}: {result.RemainingVmis} remaining, median {result.Milliseconds.Median:0.00} ms, p99 {result.Milliseconds.P99:0.00} ms, CPU median {result.CpuMilliseconds.Median:0.00} ms (floor {result.FloorCpuMilliseconds.Median:0.00} ms), {result.AllocatedKilobytes.Median:0} KiB ({result.Load})");
        }

        return new SizeResult(size, planning, first, decisions);
    }

    // JIT the planner and scheduler (tiered compilation promotes hot methods after a few calls) before measuring.
    private static void WarmUp(DrainPolicy policy)
    {
        var size = new ScaleCase(100, 2000);
        var cluster = ClusterGenerator.Generate(size, Seed + 1);
        DrainPlan plan = null!;
        for (var i = 0; i < 5; i++)
        {
            plan = DrainPlanner.Plan(cluster, ClusterGenerator.DrainedNodes(size), policy);
        }

        foreach (var phase in DrainPhase.Standard)
        {
            DecisionBenchmark.Run(cluster, plan, policy, phase, 100, Seed);
        }
    }

    private static bool IsOptimized(Assembly assembly) =>
        assembly.GetCustomAttribute<DebuggableAttribute>() is not { IsJITOptimizerDisabled: true };
}
