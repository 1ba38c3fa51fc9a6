using System.Text.Json.Nodes;
using DrainOrchestrator.EndToEnd.Tests.Support;
using DrainOrchestrator.Persistence.Attempts;

namespace DrainOrchestrator.EndToEnd.Tests.Drains;

/// <summary>
/// The opt-in shutdown policy on the simulator: VMs that cannot live-migrate, under runStrategy Always, are stopped and
/// started again by the simulated KubeVirt on a node outside the drain; the report lists each restart.
/// </summary>
public sealed class ShutdownTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private const double Speed = 25;
    private static readonly string[] Restarted = ["apps/legacy", "apps/licence-server"];

    [Fact]
    public async Task Drain_NonMigratableAlwaysVmsUnderShutdown_RunElsewhereAfterwardsAndReported()
    {
        await using var sim = await SimulatorProcess.StartAsync("shutdown.yaml", Speed);
        var before = await sim.VmisAsync();
        var (planCode, planOutput) = await Drainctl.RunAsync("plan", "--kubeconfig", sim.KubeconfigPath, "--node", "src-1", "--node", "src-2",
            "--non-migratable", "shutdown", "--output", "json", "--db", database.ConnectionString);
        Assert.True(planCode == 0, planOutput);
        var planned = JsonNode.Parse(planOutput[planOutput.IndexOf('{', StringComparison.Ordinal)..])!["items"]!.AsArray();
        Assert.Equal(Restarted, planned.Where(i => i!["disposition"]!.GetValue<string>() == "Restart").Select(i => i!["vmi"]!.GetValue<string>()).Order());

        var (code, output) = await Drainctl.RunAsync("drain", "--kubeconfig", sim.KubeconfigPath, "--node", "src-1", "--node", "src-2",
            "--non-migratable", "shutdown", "--retry-backoff-seconds", "1", "--db", database.ConnectionString);

        Assert.True(code == 0, output);
        var vmis = await sim.VmisAsync();
        Assert.Equal(before.Count, vmis.Count);
        Assert.All(vmis.Values, v => Assert.StartsWith("spare-", v.Status!.NodeName, StringComparison.Ordinal));
        foreach (var vmi in Restarted)
        {
            Assert.NotEqual(before[vmi].Metadata.Uid, vmis[vmi].Metadata.Uid);
            Assert.Equal("Running", vmis[vmi].Status!.Phase);
        }

        var truth = await sim.GroundTruthAsync();
        Assert.Equal(0, truth.VmiLosses);
        Assert.DoesNotContain(truth.Migrations, m => m.VmiName is "legacy" or "licence-server");
        var drain = await Records.OnlyDrainOfAsync(database.DataSource, sim.Server);
        var attempts = await Records.AttemptsAsync(database.DataSource, drain.Id);
        Records.AssertOneAttemptPerVmimAndLimitsKept(truth, [.. attempts.Where(a => !a.IsRestart)], maxParallel: 5, maxOutbound: 2);
        var restarts = attempts.Where(a => a.IsRestart).ToList();
        Assert.Equal(Restarted, restarts.Select(a => a.VmiNamespace + "/" + a.VmiName).Order());
        Assert.All(restarts, a =>
        {
            var vmi = a.VmiNamespace + "/" + a.VmiName;
            Assert.Equal((AttemptOutcome.Succeeded, before[vmi].Metadata.Uid, vmis[vmi].Status!.NodeName), (a.Outcome, a.VmiUid, a.TargetNode));
        });

        var (reportCode, reportOutput) = await Drainctl.RunAsync("report", drain.Name, "--format", "json", "--db", database.ConnectionString);
        Assert.True(reportCode == 0, reportOutput);
        var report = JsonNode.Parse(reportOutput[reportOutput.IndexOf('{', StringComparison.Ordinal)..])!.AsObject();
        var reported = report["migrations"]!.AsArray().Where(m => m!["kind"]!.GetValue<string>() == AttemptKind.Restart.ToDatabase()).ToList();
        Assert.Equal(Restarted, reported.Select(m => m!["vmi"]!.GetValue<string>()).Order());
        Assert.All(reported, m =>
        {
            Assert.Equal(("succeeded", "Restart"), (m!["outcome"]!.GetValue<string>(), m["mode"]!.GetValue<string>()));
            Assert.StartsWith("src-", m["source"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.StartsWith("spare-", m["target"]!.GetValue<string>(), StringComparison.Ordinal);
        });
        Assert.Empty(report["notMoved"]!.AsArray());
        var (_, table) = await Drainctl.RunAsync("report", drain.Name, "--db", database.ConnectionString);
        Assert.Contains("Restarts (shut down, started elsewhere by the run strategy)", table, StringComparison.Ordinal);
    }
}
