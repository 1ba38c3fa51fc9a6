using DrainOrchestrator.EndToEnd.Tests.Support;
using DrainOrchestrator.Kubernetes.Client;
using DrainOrchestrator.Kubernetes.Models;

namespace DrainOrchestrator.EndToEnd.Tests.Drains;

/// <summary>
/// The operator's hints (<c>drain-orchestrator.io/migration-bandwidth</c> on nodes, <c>drain-orchestrator.io/dirty-rate</c>
/// on VMIs), published by drain-sim from its own truth with <c>hints: true</c>: two databases on one node dirty 800Mi/s,
/// which converge alone on its NIC and stall when two share it (<c>Scenarios/dirty-nic.yaml</c>). Without the hints the
/// engine assumes 10 Gbit/s and 10 MB/s and may start the second database while the first still sends. That half is not
/// tested here: whether the two overlap then depends on how fast this machine lets the engine act, seconds of margin
/// on a shared CI runner; the virtual-time benchmark's --blind mode measures it (scenario c).
/// </summary>
public sealed class HintTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    // Real time: the engine times starts with its cost model in wall-clock seconds, which must match the model's.
    private const double Speed = 1;
    private const string Scenario = "dirty-nic.yaml";

    [Fact]
    public async Task Drain_DirtyGuestsWithHints_EachDatabaseSendsAloneAndNothingFails()
    {
        await using var sim = await SimulatorProcess.StartAsync(Scenario, Speed);
        var node = await sim.Client.GetAsync<Node>(null, "worker-1", CancellationToken.None);
        var vmi = await sim.Client.GetAsync<VirtualMachineInstance>("databases", "postgres-1", CancellationToken.None);

        var (planCode, plan) = await Drainctl.RunAsync("plan", "--kubeconfig", sim.KubeconfigPath, "--node", "worker-1", "--db", database.ConnectionString);
        var (code, output) = await DrainAsync(sim);

        Assert.Equal("1250000000", node.Metadata.Annotations?["drain-orchestrator.io/migration-bandwidth"]);
        Assert.Equal("800Mi", vmi.Metadata.Annotations?["drain-orchestrator.io/dirty-rate"]);
        Assert.True(planCode == 0, plan);
        Assert.DoesNotContain("warning:", plan, StringComparison.Ordinal);
        Assert.True(code == 0, output);
        var truth = await sim.GroundTruthAsync();
        var drain = await Records.OnlyDrainOfAsync(database.DataSource, sim.Server);
        Records.AssertOneAttemptPerVmimAndLimitsKept(truth, await Records.AttemptsAsync(database.DataSource, drain.Id), maxParallel: 5, maxOutbound: 2);
        Assert.Equal(4, truth.Migrations.Count);
        Assert.All(truth.Migrations, m => Assert.Equal("Succeeded", m.Outcome));
        Assert.DoesNotContain(truth.Migrations, m => m.Mode == "PostCopy");
        var databases = truth.Transfers.Where(t => t.VmiName.StartsWith("postgres-", StringComparison.Ordinal)).OrderBy(t => t.Start).ToList();
        Assert.Equal(2, databases.Count);
        Assert.All(databases, t => Assert.Equal("worker-1", t.SourceNode));
        for (var i = 1; i < databases.Count; i++)
        {
            Assert.False(databases[i - 1].Overlaps(databases[i]), $"{databases[i - 1]} overlaps {databases[i]}");
        }
    }

    [Fact]
    public async Task PlanAndDrain_UnusableHintAnnotations_WarnedNamingThemAndTheDefaultAssumed()
    {
        var file = WithoutHints();
        try
        {
            // Only the warnings matter here, not how the drain goes: fast.
            await using var sim = await SimulatorProcess.StartAsync(file, 25);
            await sim.Client.PatchAsync<Node>(null, "worker-1", PatchType.Merge,
                """{"metadata":{"annotations":{"drain-orchestrator.io/migration-bandwidth":"fast"}}}""", CancellationToken.None);
            await sim.Client.PatchAsync<VirtualMachineInstance>("databases", "postgres-1", PatchType.Merge,
                """{"metadata":{"annotations":{"drain-orchestrator.io/dirty-rate":"0"}}}""", CancellationToken.None);

            var (code, output) = await Drainctl.RunAsync("plan", "--kubeconfig", sim.KubeconfigPath, "--node", "worker-1", "--db", database.ConnectionString);
            var (drainCode, drainOutput) = await DrainAsync(sim);

            const string Bandwidth = "node worker-1: annotation drain-orchestrator.io/migration-bandwidth 'fast' is not a quantity of bytes per second such as 1192Mi; assuming 10 Gbit/s";
            const string Dirty = "vmi databases/postgres-1: annotation drain-orchestrator.io/dirty-rate '0' is not positive; give bytes per second such as 200Mi; assuming 10 MB/s";
            Assert.True(code == 0, output);
            Assert.Contains("warning: " + Bandwidth, output, StringComparison.Ordinal);
            Assert.Contains("warning: " + Dirty, output, StringComparison.Ordinal);
            Assert.True(drainCode == 0, drainOutput);
            Assert.Contains("plan: " + Bandwidth, drainOutput, StringComparison.Ordinal);
            Assert.Contains("plan: " + Dirty, drainOutput, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private Task<(int ExitCode, string Output)> DrainAsync(SimulatorProcess sim) =>
        Drainctl.RunAsync("drain", "--kubeconfig", sim.KubeconfigPath, "--node", "worker-1", "--retry-backoff-seconds", "1",
            "--db", database.ConnectionString);

    // The same cluster without the hint annotations: what the engine sees where operators set none.
    private static string WithoutHints()
    {
        var yaml = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Scenarios", Scenario));
        Assert.Contains("hints: true", yaml, StringComparison.Ordinal);
        var file = Path.Combine(Path.GetTempPath(), $"dirty-nic-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(file, yaml.Replace("hints: true", "hints: false", StringComparison.Ordinal));
        return file;
    }
}
