using System.Text.Json.Nodes;
using DrainOrchestrator.EndToEnd.Tests.Support;
using DrainOrchestrator.Persistence.Attempts;

namespace DrainOrchestrator.EndToEnd.Tests.Drains;

/// <summary>
/// Whole drains as an operator runs them: <c>drain-sim</c> and <c>drainctl</c> as separate processes over HTTPS, the
/// records in a real PostgreSQL, judged from the simulator's ground truth.
/// </summary>
public sealed class DrainTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private const double Speed = 25;

    [Fact]
    public async Task Drain_TwoNodesFortyVms_EveryMigratableVmLeavesWithinTheLimits()
    {
        await using var sim = await SimulatorProcess.StartAsync("forty.yaml", Speed);

        var (code, output) = await Drainctl.RunAsync("drain", "--kubeconfig", sim.KubeconfigPath, "--node", "src-1", "--node", "src-2",
            "--non-migratable", "skip", "--retry-backoff-seconds", "1", "--db", database.ConnectionString);

        Assert.True(code == 0, output);
        var vmis = await sim.VmisAsync();
        Assert.Equal(40, vmis.Count);
        Assert.All(vmis.Where(v => v.Key != "apps/legacy"), v => Assert.StartsWith("spare-", v.Value.Status!.NodeName, StringComparison.Ordinal));
        Assert.Equal("src-2", vmis["apps/legacy"].Status!.NodeName);
        var truth = await sim.GroundTruthAsync();
        var drain = await Records.OnlyDrainOfAsync(database.DataSource, sim.Server);
        var attempts = await Records.AttemptsAsync(database.DataSource, drain.Id);
        Records.AssertOneAttemptPerVmimAndLimitsKept(truth, attempts, maxParallel: 5, maxOutbound: 2);
        Assert.Equal(0, truth.VmiLosses);
        Assert.Equal(39, attempts.Where(a => a.Outcome == AttemptOutcome.Succeeded).Select(a => a.VmiUid).Distinct().Count());
    }

    [Fact]
    public async Task Drain_GuestThatDoesNotConverge_SwitchesToPostCopyInItsFirstAttemptAndReported()
    {
        await using var sim = await SimulatorProcess.StartAsync("forty.yaml", Speed);

        var (code, output) = await Drainctl.RunAsync("drain", "--kubeconfig", sim.KubeconfigPath, "--node", "src-1", "--node", "src-2",
            "--non-migratable", "skip", "--retry-backoff-seconds", "1", "--db", database.ConnectionString);
        var drain = await Records.OnlyDrainOfAsync(database.DataSource, sim.Server);
        var report = await ReportAsync(drain.Name);

        Assert.True(code == 0, output);
        var migrations = report["migrations"]!.AsArray();
        // hot-db carries no dirty rate, so its pre-copy is guarded (docs/learned-inputs.md, "Guarded pre-copy"): it runs
        // under the drain's post-copy policy with a budget of 1.5 times its predicted transfer plus 5 s, and switches to
        // post-copy within its first attempt instead of stalling to the progress timeout and being retried.
        var hot = Assert.Single(migrations, m => m!["vmi"]!.GetValue<string>() == "apps/hot-db")!;
        Assert.Equal("succeeded", hot["outcome"]!.GetValue<string>());
        Assert.Equal("PostCopy", hot["mode"]!.GetValue<string>());
        Assert.Equal("PreCopy", hot["predictedMode"]!.GetValue<string>());
        Assert.False(hot["postCopy"]!.GetValue<bool>());
        Assert.All(migrations, m =>
        {
            Assert.True(m!["wave"]!.GetValue<int>() >= 1);
            Assert.StartsWith("src-", m["source"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.StartsWith("spare-", m["target"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.NotNull(m["createdAt"]);
            Assert.NotNull(m["finishedAt"]);
            Assert.NotNull(m["mode"]);
        });
        var notMoved = Assert.Single(report["notMoved"]!.AsArray());
        Assert.Equal("apps/legacy", notMoved!["vmi"]!.GetValue<string>());
        Assert.Equal("skipped", notMoved["disposition"]!.GetValue<string>());
        Assert.Contains("DisksNotLiveMigratable", notMoved["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        var policies = await sim.Client.ListAllAsync<Kubernetes.Models.MigrationPolicy>(null, null, CancellationToken.None);
        Assert.DoesNotContain(policies.Items, p => p.Metadata.Name!.StartsWith("drain-", StringComparison.Ordinal));
        var vmis = await sim.VmisAsync();
        Assert.False(vmis["apps/hot-db"].Metadata.Labels?.ContainsKey("drain-orchestrator.io/post-copy") ?? false);
    }

    [Fact]
    public async Task Drain_PostCopyForbiddenByLabel_NeverPostCopiedAndReportedWithTheReason()
    {
        await using var sim = await SimulatorProcess.StartAsync("forbidden.yaml", Speed);

        var (code, output) = await Drainctl.RunAsync("drain", "--kubeconfig", sim.KubeconfigPath, "--node", "worker-1",
            "--retry-backoff-seconds", "1", "--max-attempts", "2", "--db", database.ConnectionString);
        var drain = await Records.OnlyDrainOfAsync(database.DataSource, sim.Server);
        var report = await ReportAsync(drain.Name);
        var truth = await sim.GroundTruthAsync();

        Assert.Equal(1, code);
        Assert.Contains("finance/ledger", output, StringComparison.Ordinal);
        Assert.All(truth.Migrations.Where(m => m.VmiName == "ledger"), m => Assert.NotEqual("PostCopy", m.Mode));
        Assert.All(report["migrations"]!.AsArray(), m => Assert.False(m!["postCopy"]!.GetValue<bool>()));
        var notMoved = Assert.Single(report["notMoved"]!.AsArray());
        Assert.Equal("gave_up", notMoved!["disposition"]!.GetValue<string>());
        Assert.Contains("post-copy is forbidden by the label drain-orchestrator.io/post-copy-forbidden=true",
            notMoved["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(2, truth.Migrations.Count(m => m.VmiName.StartsWith("teller-", StringComparison.Ordinal) && m.Outcome == "Succeeded"));
    }

    [Fact]
    public async Task Drain_NonMigratableUnderBlock_RefusedBeforeAnythingHappens()
    {
        await using var sim = await SimulatorProcess.StartAsync("forty.yaml", Speed);

        var (code, output) = await Drainctl.RunAsync("drain", "--kubeconfig", sim.KubeconfigPath, "--node", "src-1", "--node", "src-2",
            "--non-migratable", "block", "--db", database.ConnectionString);

        Assert.Equal(2, code);
        Assert.Contains("apps/legacy on src-2 blocks the drain", output, StringComparison.Ordinal);
        Assert.Empty((await sim.GroundTruthAsync()).Migrations);
        Assert.DoesNotContain(await Records.DrainsAsync(database.DataSource), d => d.Cluster == sim.Server);
        var nodes = await sim.Client.ListAllAsync<Kubernetes.Models.Node>(null, null, CancellationToken.None);
        Assert.All(nodes.Items, n => Assert.NotEqual(true, n.Spec?.Unschedulable));
    }

    private async Task<JsonObject> ReportAsync(string drain)
    {
        var (code, output) = await Drainctl.RunAsync("report", drain, "--format", "json", "--db", database.ConnectionString);
        Assert.True(code == 0, output);
        return JsonNode.Parse(output[output.IndexOf('{', StringComparison.Ordinal)..])!.AsObject();
    }
}
