using System.Globalization;
using System.Text;
using DrainOrchestrator.Scheduling.Bench.Results;
using DrainOrchestrator.Scheduling.Bench.Runs;
using DrainOrchestrator.Scheduling.Bench.Suite;
using DrainOrchestrator.Scheduling.Bench.Tests.Engine;
using DrainOrchestrator.Simulator.Cluster;

namespace DrainOrchestrator.Scheduling.Bench.Tests.Bounds;

/// <summary>
/// A check that can catch a wrong lower bound: small random clusters (2 or 3 drained nodes, 3 to 6 guests, mixed NICs,
/// start-ups, limits, dirty rates that converge alone but not all on a shared NIC, sometimes a bandwidthPerMigration
/// cap), each drained on the simulator by the production engine and by KubeVirt alone (two different schedules). No
/// schedule that finishes may beat the bound; a term that is not a true lower bound shows up here as a makespan below it.
/// And the engine is never slower than KubeVirt alone when KubeVirt alone finishes (issue 16).
/// </summary>
/// <remarks>
/// No allowance: the simulator integrates each physics step exactly in the continuous model the bound assumes
/// (<c>TransferPhysics.Integrate</c>) and decides convergence at step ends, so a finished schedule can only be late.
/// Before that fix this check found the step error (seeds 3 and 8: 0.2 s and 0.09 s below the bound).
/// Against KubeVirt alone, over seeds 1 to 200 of each family (DRAIN_BOUND_SEEDS=200), three seeds are still slower by
/// 0.1 to 0.2 s (random 144, 167; long-and-short 66; see bench/README.md); the 12 seeds CI runs are not.
/// </remarks>
[Collection(EngineDatabaseCollection.Name)]
public sealed class RandomInstanceBoundTests(EngineDatabaseFixture fixture)
{
    private static readonly (int PerCluster, int PerNode)[] LimitChoices = [(5, 2), (5, 1), (2, 2), (3, 1), (1, 1), (4, 3)];

    public static TheoryData<int> Seeds()
    {
        // CI runs 12 seeds of each family; DRAIN_BOUND_SEEDS=N runs N (a campaign: 200 takes about 5 minutes on 2 cores),
        // and DRAIN_BOUND_SEEDS=96,144 runs just those seeds (to look at one again).
        var setting = Environment.GetEnvironmentVariable("DRAIN_BOUND_SEEDS") ?? "";
        var seeds = new TheoryData<int>();
        if (setting.Contains(','))
        {
            foreach (var part in setting.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                seeds.Add(int.Parse(part, CultureInfo.InvariantCulture));
            }

            return seeds;
        }

        var count = int.TryParse(setting, out var n) && n > 0 ? n : 12;
        foreach (var seed in Enumerable.Range(1, count))
        {
            seeds.Add(seed);
        }

        return seeds;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public Task Run_RandomSmallCluster_NoFinishedScheduleBeatsTheBound(int seed) => AssertNoScheduleBeatsTheBoundAsync(seed, Instance(seed));

    /// <summary>
    /// One source with two slots, a start-up of 4 to 8 s and a mix of short guests (about a second to send) and long
    /// ones (8 to 16 s): where the slot term's waste beside long transfers (<c>ShadowedLongTransfers</c>) binds.
    /// </summary>
    [Theory]
    [MemberData(nameof(Seeds))]
    public Task Run_OneSourceLongAndShortGuests_NoFinishedScheduleBeatsTheBound(int seed) =>
        AssertNoScheduleBeatsTheBoundAsync(seed, LongAndShort(seed));

    private async Task AssertNoScheduleBeatsTheBoundAsync(int seed, (string Yaml, List<string> Sources, (int PerCluster, int PerNode) Limits) instance)
    {
        var (yaml, sources, limits) = instance;
        var runner = new CaseRunner(
            new ScenarioEntry { Id = "r" + seed, File = "random.yaml", Batches = [sources] },
            ScenarioCatalog.Parse(yaml, "random.yaml"),
            new LimitSetting { Name = "random", PerCluster = limits.PerCluster, PerNode = limits.PerNode },
            informed: true,
            fixture.Database);

        var bound = runner.Bound();
        var ours = await runner.RunAsync(RunMode.Orchestrator, CancellationToken.None);
        var alone = await runner.RunAsync(RunMode.KubeVirtAlone, CancellationToken.None);
        Assert.True(bound.Seconds > 0, $"seed {seed}: no bound\n{yaml}");
        Assert.Equal(0, bound.NotConverging);
        Assert.True(ours.Complete, $"seed {seed}: the engine did not finish\n{yaml}");
        Assert.True(ours.MakespanSeconds >= bound.Seconds,
            $"seed {seed}: engine makespan {ours.MakespanSeconds} below the bound {bound.Seconds} ({bound.Binding})\n{yaml}");
        Assert.True(!alone.Complete || alone.MakespanSeconds >= bound.Seconds,
            $"seed {seed}: KubeVirt alone's makespan {alone.MakespanSeconds} below the bound {bound.Seconds} ({bound.Binding})\n{yaml}");
        Assert.True(!alone.Complete || ours.MakespanSeconds <= alone.MakespanSeconds,
            $"seed {seed}: the engine's makespan {ours.MakespanSeconds} s is slower than KubeVirt alone's {alone.MakespanSeconds} s\n{yaml}");
    }

    /// <summary>One drained 10 Gbit/s node with two slots, its guests short or long, onto 10 Gbit/s receivers.</summary>
    private static (string Yaml, List<string> Sources, (int PerCluster, int PerNode) Limits) LongAndShort(int seed)
    {
        var random = new Random(1000 + seed);
        var f = CultureInfo.InvariantCulture;
        var yaml = new StringBuilder();
        yaml.AppendLine(f, $"name: long-and-short-{seed}");
        yaml.AppendLine(f, $"seed: {seed}");
        yaml.AppendLine("kubevirt:");
        yaml.AppendLine("  migrations:");
        yaml.AppendLine("    parallelMigrationsPerCluster: 5");
        yaml.AppendLine("    parallelOutboundMigrationsPerNode: 2");
        yaml.AppendLine("    completionTimeoutPerGiB: 150");
        yaml.AppendLine("    progressTimeout: 150");
        yaml.AppendLine("    maxDowntimeMs: 300");
        yaml.AppendLine("timings:");
        yaml.AppendLine(f, $"  targetPodStartup: {random.Next(4, 9)}s");
        yaml.AppendLine("nodes:");
        yaml.AppendLine("  - {name: src-1, memory: 256Gi, nicBandwidth: 10Gbit}");
        for (var i = 1; i <= 3; i++)
        {
            yaml.AppendLine(f, $"  - {{name: dst-{i}, memory: 256Gi, nicBandwidth: 10Gbit}}");
        }

        string[] shortMemories = ["1Gi", "2Gi"];
        string[] longMemories = ["8Gi", "12Gi", "16Gi"];
        yaml.AppendLine("vms:");
        var guests = random.Next(6, 11);
        for (var g = 1; g <= guests; g++)
        {
            var memory = random.Next(3) == 0 ? longMemories[random.Next(longMemories.Length)] : shortMemories[random.Next(shortMemories.Length)];
            var dirty = random.Next(2) == 0 ? 1 : 100;
            yaml.AppendLine(f,
                $"  - {{namespace: default, name: g-{g}, memory: {memory}, dirtyRate: {dirty}Mi, workingSet: 512Mi, evictionStrategy: LiveMigrate, node: src-1}}");
        }

        return (yaml.ToString(), ["src-1"], (5, 2));
    }

    /// <summary>A random cluster: its scenario, the drained nodes and the limits.</summary>
    private static (string Yaml, List<string> Sources, (int PerCluster, int PerNode) Limits) Instance(int seed)
    {
        var random = new Random(seed);
        var limits = LimitChoices[random.Next(LimitChoices.Length)];
        var capped = random.Next(3) == 0;
        var sourceCount = random.Next(2, 4);
        string[] nics = ["10Gbit", "25Gbit"];
        var yaml = new StringBuilder();
        var f = CultureInfo.InvariantCulture;
        yaml.AppendLine(f, $"name: random-{seed}");
        yaml.AppendLine(f, $"seed: {seed}");
        yaml.AppendLine("kubevirt:");
        yaml.AppendLine("  migrations:");
        yaml.AppendLine(f, $"    parallelMigrationsPerCluster: {limits.PerCluster}");
        yaml.AppendLine(f, $"    parallelOutboundMigrationsPerNode: {limits.PerNode}");
        yaml.AppendLine("    completionTimeoutPerGiB: 150");
        yaml.AppendLine("    progressTimeout: 150");
        yaml.AppendLine("    maxDowntimeMs: 300");
        if (capped)
        {
            yaml.AppendLine("    bandwidthPerMigration: 512Mi");
        }

        yaml.AppendLine("timings:");
        yaml.AppendLine(f, $"  targetPodStartup: {random.Next(1, 6)}s");
        yaml.AppendLine("nodes:");
        var sources = new List<string>();
        for (var i = 1; i <= sourceCount; i++)
        {
            sources.Add("src-" + i);
            var nic = random.Next(2);
            yaml.AppendLine(f, $"  - {{name: src-{i}, memory: 64Gi, nicBandwidth: {nics[nic]}}}");
        }

        for (var i = 1; i <= 3; i++)
        {
            var nic = random.Next(2);
            yaml.AppendLine(f, $"  - {{name: dst-{i}, memory: 64Gi, nicBandwidth: {nics[nic]}}}");
        }

        // Every guest converges alone (900Mi/s only without the cap, on at least a 10 Gbit/s NIC); the faster ones not
        // on a shared NIC, where the bound's claim that sharing only costs is put to the test.
        string[] memories = ["1Gi", "2Gi", "4Gi", "8Gi"];
        int[] dirtyMi = capped ? [1, 30, 300] : [1, 30, 300, 900];
        yaml.AppendLine("vms:");
        var guests = random.Next(3, 7);
        for (var g = 1; g <= guests; g++)
        {
            var memory = memories[random.Next(memories.Length)];
            var workingSet = random.Next(2) == 0 ? "512Mi" : memory;
            var dirty = dirtyMi[random.Next(dirtyMi.Length)];
            var source = random.Next(sourceCount);
            yaml.AppendLine(f,
                $"  - {{namespace: default, name: g-{g}, memory: {memory}, dirtyRate: {dirty}Mi, workingSet: {workingSet}, evictionStrategy: LiveMigrate, node: {sources[source]}}}");
        }

        return (yaml.ToString(), sources, limits);
    }
}
