using DrainOrchestrator.EndToEnd.Tests.Server;
using DrainOrchestrator.EndToEnd.Tests.Support;
using Npgsql;

namespace DrainOrchestrator.EndToEnd.Tests.Workflows;

/// <summary>
/// The shipped workflows/rolling-upgrade.yaml over drain-sim's rolling-upgrade scenario (twelve workers in four zones,
/// zone-a empty, an external upgrader that reboots every drained worker onto kubelet v1.33.2) with real PostgreSQL:
/// zone-aware batches of three, each drained, waited for until upgraded and Ready, uncordoned and soaked; run by a
/// <c>drainctl serve</c> process and followed, planned and journaled through it with <c>drainctl --server</c>.
/// </summary>
public sealed class RollingUpgradeTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    // Model time runs this much faster: the upgrader's 10 s start delay and 60 s reboot (plus jitter) take a few seconds.
    private const double Speed = 20;
    private const string NewVersion = "v1.33.2";
    private static readonly string[] BatchSteps = ["cordon", "drain", "upgraded", "uncordon", "soak"];

    [Fact]
    public async Task Run_ThroughTheServer_TwelveNodesInZoneBatchesOfThree_AllUpgradedEachVmMovedAtMostOnceLimitsHeldEveryStepJournaled()
    {
        await using var sim = await SimulatorProcess.StartAsync("rolling-upgrade", Speed);
        await using var prometheus = new FakeHttpEndpoint(_ => (200, """{"status":"success","data":{"resultType":"vector","result":[]}}"""));
        var directory = Path.GetDirectoryName(sim.KubeconfigPath)!;
        var tokens = await ApiTokens.CreateAsync(directory);
        var tokenFile = Path.Combine(directory, "operator-token");
        await BearerTokenFile.WriteAsync(tokenFile, tokens.Operator);
        await using var server = await ServerProcess.StartAsync(sim.KubeconfigPath, database.ConnectionString, tokens.Path);
        string[] remote = ["--server", server.Url.ToString(), "--token-file", tokenFile];
        var vmisBefore = await sim.VmisAsync();
        var name = "upgrade-" + Guid.NewGuid().ToString("N")[..6];

        var file = Path.Combine(RepositoryPaths.Root, "workflows", "rolling-upgrade.yaml");
        string[] parameters = [.. new[] { $"kubeletVersion={NewVersion}", "batchSize=3", "soak=1s", "upgradeTimeout=10m", $"prometheusUrl={prometheus.Url}" }
            .SelectMany(p => new[] { "--param", p })];

        var planned = await Drainctl.RunAsync(["workflow", "plan", file, .. remote, .. parameters]);
        var plannedHere = await Drainctl.RunAsync(["workflow", "plan", file, "--kubeconfig", sim.KubeconfigPath, "--db", database.ConnectionString, .. parameters]);
        // The server runs the instance; drainctl follows it until it ends.
        await using var run = Drainctl.Start(["workflow", "run", file, "--name", name, .. remote, .. parameters]);
        var code = await run.WaitForExitAsync(TimeSpan.FromMinutes(12));

        Assert.True(planned.ExitCode == 0, planned.Output);
        Assert.Contains("batch 0 (worker-a1, worker-a2, worker-a3): 0 migration(s)", planned.Output, StringComparison.Ordinal);
        Assert.Contains("batch 3 (worker-d1, worker-d2, worker-d3): 12 migration(s)", planned.Output, StringComparison.Ordinal);
        Assert.Contains("Every VM moves at most once.", planned.Output, StringComparison.Ordinal);
        Assert.Equal(plannedHere, planned);

        Assert.True(code == 0, run.Output + "\nserver:\n" + server.Output);
        var nodes = await sim.Client.ListAllAsync<Kubernetes.Models.Node>(null, null, CancellationToken.None);
        Assert.Equal(12, nodes.Items.Count);
        Assert.All(nodes.Items, n => Assert.Equal(NewVersion, n.Status?.NodeInfo?.KubeletVersion));
        Assert.All(nodes.Items, n => Assert.NotEqual(true, n.Spec?.Unschedulable));

        var truth = await sim.GroundTruthAsync();
        ServerDrains.AssertSharedLimitsAndEachVmMovedOnce(truth, 5, 2, []);
        var moves = truth.Migrations.Where(m => m.Outcome == "Succeeded").GroupBy(m => m.Namespace + "/" + m.VmiName).ToList();
        Assert.All(moves, m => Assert.True(m.Count() == 1, $"{m.Key} migrated {m.Count()} times: {string.Join(", ", m.Select(x => x.SourceNode + "->" + x.TargetNode))}"));
        Assert.Equal(vmisBefore.Count, moves.Count);
        Assert.Equal(12, truth.Document["upgrades"]!.AsArray().Count(u => u!["state"]!.GetValue<string>() == "Done"));
        Assert.Empty(truth.Document["guestsOnRebootingNodes"]!.AsArray());

        var keys = new[] { "select", "quiet-cluster", "batches", "report" }
            .Concat(Enumerable.Range(0, 4).SelectMany(i => BatchSteps.Select(s => $"batches[{i}]/{s}"))).ToList();
        var shown = await Drainctl.RunAsync(["workflow", "show", name, .. remote]);
        Assert.True(shown.ExitCode == 0, shown.Output);
        var lines = shown.Output.Split('\n');
        Assert.All(keys, key => Assert.Contains(lines, l => l.TrimStart().StartsWith(key + " ", StringComparison.Ordinal) && l.Contains("succeeded", StringComparison.Ordinal)));
        Assert.Equal(24, await SucceededStepsAsync(name));
        await AssertDrainsCarriedTheBatchesAsync(name);
        await AssertJournaledAsync(name, keys, remote);
    }

    [Fact]
    public async Task Plan_AvoidedNodesTheOnlyRoom_NamesEveryVmThatMovesTwiceAndRefusesADrainedNodeAsTarget()
    {
        await using var sim = await SimulatorProcess.StartAsync("rolling-upgrade", Speed);
        var others = string.Join(",", new[] { "a", "c", "d" }.SelectMany(Workers));

        var planned = await Drainctl.RunAsync("plan", "--node", "worker-b1", "--node", "worker-b2", "--node", "worker-b3", "--avoid-targets", others,
            "--kubeconfig", sim.KubeconfigPath, "--db", database.ConnectionString);
        var refused = await Drainctl.RunAsync("plan", "--node", "worker-b1", "--avoid-targets", "worker-b1", "--prefer-targets", "worker-a1,ghost",
            "--kubeconfig", sim.KubeconfigPath, "--db", database.ConnectionString);

        Assert.True(planned.ExitCode == 0, planned.Output);
        var twice = planned.Output.Split('\n').Where(l => l.Contains("will move twice: no node outside the later drains admits it", StringComparison.Ordinal)).ToList();
        Assert.Equal(12, twice.Count);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("--avoid-targets: node 'worker-b1' is drained by this drain", refused.Output, StringComparison.Ordinal);
        Assert.Contains("--prefer-targets: node 'ghost' does not exist in the cluster", refused.Output, StringComparison.Ordinal);
    }

    // The journal through the server lists every step of every batch, started and succeeded, and each batch's drain to
    // its end; it reads the same as on the database.
    private async Task AssertJournaledAsync(string name, IReadOnlyList<string> keys, string[] remote)
    {
        var journal = await Drainctl.RunAsync(["workflow", "journal", name, "--with-drains", .. remote]);
        var journalHere = await Drainctl.RunAsync("workflow", "journal", name, "--with-drains", "--db", database.ConnectionString);
        Assert.True(journal.ExitCode == 0, journal.Output);
        Assert.Equal(journalHere, journal);
        // The payload as PostgreSQL prints jsonb ("step": "x"), compared without the spaces.
        var lines = journal.Output.Split('\n').Select(l => l.Replace(": ", ":", StringComparison.Ordinal)).ToList();
        foreach (var key in keys)
        {
            foreach (var kind in new[] { "workflow.step.started", "workflow.step.succeeded" })
            {
                Assert.Single(lines, l => l.Contains(kind + " ", StringComparison.Ordinal) && l.Contains($"\"step\":\"{key}\"", StringComparison.Ordinal));
            }
        }

        Assert.Equal(4, lines.Count(l => l.Contains("workflow.drain.started", StringComparison.Ordinal)));
        Assert.Equal(4, lines.Count(l => l.StartsWith("    ", StringComparison.Ordinal) && l.Contains("drain.succeeded", StringComparison.Ordinal)));
        Assert.Contains(lines, l => l.Contains("workflow.state_changed", StringComparison.Ordinal) && l.Contains("\"to\":\"succeeded\"", StringComparison.Ordinal));
    }

    private async Task<long> SucceededStepsAsync(string name)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT count(*) FROM workflow_steps s JOIN workflow_instances i ON i.id = s.instance_id
             WHERE i.name = @name AND s.state = 'succeeded'
            """, connection);
        command.Parameters.AddWithValue("name", name);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    // Each batch's drain was recorded avoiding the later batches' nodes and preferring the earlier batches' (zone order).
    private async Task AssertDrainsCarriedTheBatchesAsync(string name)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(
            "SELECT name, avoid_targets, prefer_targets FROM drains WHERE name LIKE @prefix ORDER BY name", connection);
        command.Parameters.AddWithValue("prefix", name + "-batches-%");
        await using var reader = await command.ExecuteReaderAsync();
        var zones = new[] { "a", "b", "c", "d" };
        var batch = 0;
        while (await reader.ReadAsync())
        {
            var avoided = (string[])reader.GetValue(1);
            var preferred = (string[])reader.GetValue(2);
            Assert.Equal(zones.Skip(batch + 1).SelectMany(Workers).Order(StringComparer.Ordinal), avoided.Order(StringComparer.Ordinal));
            Assert.Equal(zones.Take(batch).SelectMany(Workers).Order(StringComparer.Ordinal), preferred.Order(StringComparer.Ordinal));
            batch++;
        }

        Assert.Equal(4, batch);
    }

    private static IEnumerable<string> Workers(string zone) => Enumerable.Range(1, 3).Select(i => $"worker-{zone}{i}");
}
