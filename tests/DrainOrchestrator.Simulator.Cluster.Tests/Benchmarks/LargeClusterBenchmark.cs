using System.Diagnostics;
using System.Globalization;
using Xunit.Abstractions;

namespace DrainOrchestrator.Simulator.Cluster.Tests.Benchmarks;

/// <summary>
/// The virtual-time benchmark: every VM of a generated 500-node, 10,000-VM cluster migrated once, in virtual
/// time, must take under 30 s of wall time on a 2-core machine. Run:
/// <c>DRAIN_SIM_BENCH=1 dotnet test tests/DrainOrchestrator.Simulator.Cluster.Tests --filter FullyQualifiedName~LargeClusterBenchmark --logger "console;verbosity=detailed"</c>.
/// </summary>
public sealed class LargeClusterBenchmark(ITestOutputHelper output)
{
    [BenchmarkFact]
    public void RunUntilIdle_TenThousandVmsOnFiveHundredNodes_UnderThirtySecondsWallTime()
    {
        Measure(MigrationConfig.Default);
    }

    [BenchmarkFact]
    public void RunUntilIdle_TenThousandVmsWithRaisedLimits_UnderThirtySecondsWallTime()
    {
        Measure(MigrationConfig.Default with { ParallelMigrationsPerCluster = 100, ParallelOutboundMigrationsPerNode = 2 });
    }

    private void Measure(MigrationConfig config)
    {
        var total = Stopwatch.StartNew();
        var scenario = ScenarioCatalog.Load("generated:nodes=500,vms=10000,seed=1") with { MigrationConfig = config };
        var cluster = SimulatedCluster.Create(scenario);
        var setup = total.Elapsed;
        var accepted = 0;
        foreach (var vmi in cluster.GetVmis())
        {
            var request = new VmimCreateRequest(vmi.Namespace, "bench-" + vmi.Name, "uid-" + vmi.Name, vmi.Name);
            accepted += cluster.CreateMigration(request).Accepted ? 1 : 0;
        }

        var end = cluster.RunUntilIdle();
        total.Stop();

        var truth = cluster.GetGroundTruth();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"limits {config.ParallelMigrationsPerCluster}/{config.ParallelOutboundMigrationsPerNode}: {accepted} VMIMs, {truth.Succeeded} succeeded, {truth.Failed} failed, virtual {(end - cluster.StartedAt).TotalHours:F1} h, wall {total.Elapsed.TotalSeconds:F2} s (setup {setup.TotalSeconds:F2} s), peak {truth.PeakInFlight}, violations {truth.LimitViolations.Count}"));
        Assert.Equal(accepted, truth.Succeeded + truth.Failed);
        Assert.Empty(truth.LimitViolations);
        Assert.True(total.Elapsed < TimeSpan.FromSeconds(30), total.Elapsed.ToString());
    }
}
