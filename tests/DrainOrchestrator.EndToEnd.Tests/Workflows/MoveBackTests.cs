using DrainOrchestrator.EndToEnd.Tests.Support;
using DrainOrchestrator.Kubernetes.Client;
using DrainOrchestrator.Kubernetes.Models;
using DrainOrchestrator.Persistence.Drains;
using Npgsql;

namespace DrainOrchestrator.EndToEnd.Tests.Workflows;

/// <summary>
/// Move-back after a rolling maintenance on drain-sim with real PostgreSQL: a workflow drains src-1, src-2 and src-3 in
/// turn (each uncordoned after), src-3 is then cordoned again (it stays away), and <c>drainctl moveback</c> of each batch's
/// drain (one through a <c>drainctl serve</c> process) returns the VMs whose node is back and leaves the others, as the
/// simulator's ground truth shows; and the same through a workflow's <c>moveback</c> step.
/// </summary>
public sealed class MoveBackTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private const double Speed = 25;

    [Fact]
    public async Task MoveBack_AfterRollingMaintenanceOfThreeNodes_EveryVmWhoseNodeCameBackReturnedTheOthersReportedAndLeft()
    {
        await using var sim = await SimulatorProcess.StartAsync("replicas.yaml", Speed);
        var origins = (await sim.VmisAsync()).ToDictionary(v => v.Key, v => v.Value.Status!.NodeName!, StringComparer.Ordinal);
        var file = WorkflowTests.Write("rolling", """
              - id: batches
                kind: forEachBatch
                batchSize: 1
                order: name
                steps:
                  - {id: cordon, kind: cordon}
                  - {id: drain, kind: drain}
                  - {id: uncordon, kind: uncordon}
            """);
        var name = "rolling-" + Guid.NewGuid().ToString("N")[..6];
        string[] here = ["--kubeconfig", sim.KubeconfigPath, "--db", database.ConnectionString];

        var rolled = await Drainctl.RunAsync(["workflow", "run", file, "--name", name, "--param", "nodes=src-1,src-2,src-3", .. here]);
        Assert.True(rolled.ExitCode == 0, rolled.Output);
        // src-3 stays away: cordoned again after its maintenance.
        await sim.Client.PatchAsync<Node>(null, "src-3", PatchType.Merge, """{"spec":{"unschedulable":true}}""", CancellationToken.None);
        var drains = await DrainsOfAsync(name + "-batches");
        Assert.Equal(3, drains.Count);
        // The second through a server (POST /api/v1/drains/{id}/moveback, run there and followed), the others embedded.
        var tokens = await ApiTokens.CreateAsync(Path.GetDirectoryName(sim.KubeconfigPath)!);
        var tokenFile = Path.Combine(Path.GetDirectoryName(sim.KubeconfigPath)!, "operator-token");
        await BearerTokenFile.WriteAsync(tokenFile, tokens.Operator);
        await using var server = await ServerProcess.StartAsync(sim.KubeconfigPath, database.ConnectionString, tokens.Path);
        string[] remote = ["--server", server.Url.ToString(), "--token-file", tokenFile];
        // A window that has ended is refused before anything is recorded; the first move-back then runs inside a wide one.
        var late = await Drainctl.RunAsync(["moveback", drains[0], "--window-end", "2020-01-01T00:00:00Z", .. here]);
        Assert.True(late.ExitCode == 2, late.Output);
        Assert.Contains("--window-end must be in the future", late.Output, StringComparison.Ordinal);
        Assert.Contains("Nothing was started.", late.Output, StringComparison.Ordinal);
        var window = TimeProvider.System.GetUtcNow().AddDays(1).ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        var movedBack = new List<(int ExitCode, string Output)>();
        for (var i = 0; i < drains.Count; i++)
        {
            movedBack.Add(await Drainctl.RunAsync(["moveback", drains[i], .. i == 1 ? remote : here, .. i == 0 ? new[] { "--window-end", window } : []]));
        }

        Assert.All(movedBack, m => Assert.True(m.ExitCode == 0, m.Output));
        Assert.Contains("every VM the drain moved is back on its original node", movedBack[0].Output, StringComparison.Ordinal);
        Assert.Contains("every VM the drain moved is back on its original node", movedBack[1].Output, StringComparison.Ordinal);
        Assert.Contains("8 left in place", movedBack[2].Output, StringComparison.Ordinal);

        var truth = await sim.GroundTruthAsync();
        Assert.Equal(0, truth.LimitViolations);
        var moves = truth.Migrations.Where(m => m.Outcome == "Succeeded")
            .ToLookup(m => m.Namespace + "/" + m.VmiName, StringComparer.Ordinal);
        var now = await sim.VmisAsync();
        foreach (var (vm, origin) in origins)
        {
            var its = moves[vm].ToList();
            var path = string.Join(", ", its.Select(m => m.SourceNode + "->" + m.TargetNode));
            switch (origin)
            {
                case "src-1" or "src-2":
                    Assert.True(its.Count == 2, $"{vm} from {origin} moved {its.Count} times: {path}");
                    Assert.Equal((origin, origin), (its[0].SourceNode, its[1].TargetNode));
                    Assert.Equal(its[0].TargetNode, its[1].SourceNode);
                    Assert.Equal(origin, now[vm].Status!.NodeName);
                    break;
                case "src-3":
                    Assert.True(its.Count == 1, $"{vm} from src-3 moved {its.Count} times: {path}");
                    Assert.NotEqual("src-3", now[vm].Status!.NodeName);
                    break;
                default:
                    Assert.True(its.Count == 0, $"{vm} on {origin} was never drained but moved: {path}");
                    break;
            }
        }

        // The third move-back names each VM it left and why, in its report.
        var report = await Drainctl.RunAsync(["report", MoveBackName(movedBack[2].Output), "--db", database.ConnectionString]);
        Assert.True(report.ExitCode == 0, report.Output);
        Assert.Equal(8, report.Output.Split('\n').Count(l => l.Contains("its original node src-3 is still cordoned", StringComparison.Ordinal)));
        await AssertReportsLinkedAsync(drains[0], MoveBackName(movedBack[0].Output));
    }

    // The move-back's JSON report names the drain it returns and, for each return, the outbound attempt it undoes; the
    // drain's names its move-back.
    private async Task AssertReportsLinkedAsync(string drain, string moveBack)
    {
        var back = await Drainctl.RunAsync("report", moveBack, "--format", "json", "--db", database.ConnectionString);
        var away = await Drainctl.RunAsync("report", drain, "--format", "json", "--db", database.ConnectionString);
        Assert.True(back.ExitCode == 0 && away.ExitCode == 0, back.Output + away.Output);
        var backJson = System.Text.Json.Nodes.JsonNode.Parse(back.Output)!;
        var awayJson = System.Text.Json.Nodes.JsonNode.Parse(away.Output)!;
        Assert.Equal(drain, backJson["drain"]!["returns"]!["name"]!.GetValue<string>());
        Assert.Equal(moveBack, awayJson["drain"]!["movedBackBy"]![0]!["name"]!.GetValue<string>());
        var outbound = awayJson["migrations"]!.AsArray().Where(m => m!["outcome"]!.GetValue<string>() == "succeeded")
            .ToDictionary(m => m!["vmi"]!.GetValue<string>(), m => m!, StringComparer.Ordinal);
        var returns = backJson["migrations"]!.AsArray().Where(m => m!["outcome"]!.GetValue<string>() == "succeeded").ToList();
        Assert.Equal(8, returns.Count);
        Assert.All(returns, r =>
        {
            var o = outbound[r!["vmi"]!.GetValue<string>()];
            Assert.Equal(o["id"]!.GetValue<long>(), r!["outbound"]!["attemptId"]!.GetValue<long>());
            Assert.Equal((o["source"]!.GetValue<string>(), o["target"]!.GetValue<string>()),
                (r["target"]!.GetValue<string>(), r["source"]!.GetValue<string>()));
        });
    }

    [Fact]
    public async Task MovebackStep_AfterTheWorkflowsBatches_EveryDrainedVmBackOnItsNodeMovedExactlyTwice()
    {
        await using var sim = await SimulatorProcess.StartAsync("replicas.yaml", Speed);
        var origins = (await sim.VmisAsync()).ToDictionary(v => v.Key, v => v.Value.Status!.NodeName!, StringComparer.Ordinal);
        var file = WorkflowTests.Write("maintenance", """
              - id: batches
                kind: forEachBatch
                batchSize: 1
                order: name
                steps:
                  - {id: cordon, kind: cordon}
                  - {id: drain, kind: drain}
                  - {id: uncordon, kind: uncordon}
              - {id: home, kind: moveback}
              - {id: report, kind: report}
            """);
        var name = "maintenance-" + Guid.NewGuid().ToString("N")[..6];

        var run = await Drainctl.RunAsync("workflow", "run", file, "--name", name, "--param", "nodes=src-1,src-2,src-3",
            "--kubeconfig", sim.KubeconfigPath, "--db", database.ConnectionString);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains(run.Output.Split('\n'), l => l.TrimStart().StartsWith("home ", StringComparison.Ordinal) && l.Contains("succeeded", StringComparison.Ordinal));
        var truth = await sim.GroundTruthAsync();
        Assert.Equal(0, truth.LimitViolations);
        var moves = truth.Migrations.Where(m => m.Outcome == "Succeeded").ToLookup(m => m.Namespace + "/" + m.VmiName, StringComparer.Ordinal);
        var now = await sim.VmisAsync();
        var drained = origins.Where(o => o.Value is "src-1" or "src-2" or "src-3").ToList();
        Assert.Equal(24, drained.Count);
        Assert.All(drained, o => Assert.True(moves[o.Key].Count() == 2 && now[o.Key].Status!.NodeName == o.Value,
            $"{o.Key} from {o.Value} is on {now[o.Key].Status!.NodeName} after {string.Join(", ", moves[o.Key].Select(m => m.SourceNode + "->" + m.TargetNode))}"));
        Assert.Equal(3, (await DrainsOfAsync(name + "-batches")).Count);
        Assert.Equal(3, await MoveBacksAsync(name));
    }

    [Fact]
    public async Task MoveBack_EngineKilledThreeTimesMidway_CompletesEachVmBackOnceNoVmimTwice()
    {
        await using var sim = await SimulatorProcess.StartAsync("crash.yaml", 4);
        var origins = (await sim.VmisAsync()).ToDictionary(v => v.Key, v => v.Value.Status!.NodeName!, StringComparer.Ordinal);
        string[] here = ["--kubeconfig", sim.KubeconfigPath, "--db", database.ConnectionString];
        var drained = await Drainctl.RunAsync(["drain", "--node", "src-1", "--node", "src-2", "--non-migratable", "skip", .. here]);
        Assert.True(drained.ExitCode == 0, drained.Output);
        foreach (var node in new[] { "src-1", "src-2" })
        {
            await sim.Client.PatchAsync<Node>(null, node, PatchType.Merge, """{"spec":{"unschedulable":null}}""", CancellationToken.None);
        }

        var drain = Assert.Single(await Records.DrainsAsync(database.DataSource), d => d.Cluster == sim.Server);
        string[] moveBack = ["moveback", drain.Name, "--lease-seconds", "2", .. here];
        for (var kill = 0; kill < 3; kill++)
        {
            await using var engine = Drainctl.Start(moveBack);
            // Killed once it has started moving VMs (or, the first time, while it starts up), and started again.
            await Task.WhenAny(engine.WaitForOutputAsync(kill == 0 ? "Started move-back" : "moved", Drainctl.Patience), engine.WaitForExitAsync(Drainctl.Patience));
            await engine.KillAsync();
        }

        var finished = await Drainctl.RunAsync(moveBack);

        Assert.True(finished.ExitCode == 0, finished.Output);
        Assert.Contains("Attached to unfinished move-back", finished.Output, StringComparison.Ordinal);
        var runs = (await Records.DrainsAsync(database.DataSource)).Where(d => d.Cluster == sim.Server).ToList();
        var back = Assert.Single(runs, r => r.ReturnsDrain == drain.Id);
        Assert.Equal(DrainState.Succeeded, back.State);
        var truth = await sim.GroundTruthAsync();
        var attempts = (await Records.AttemptsAsync(database.DataSource, drain.Id)).Concat(await Records.AttemptsAsync(database.DataSource, back.Id)).ToList();
        Records.AssertOneAttemptPerVmimAndLimitsKept(truth, attempts, maxParallel: 5, maxOutbound: 2);
        var moves = truth.Migrations.Where(m => m.Outcome == "Succeeded").ToLookup(m => m.Namespace + "/" + m.VmiName, StringComparer.Ordinal);
        var now = await sim.VmisAsync();
        var movedOut = moves.Where(m => m.Any(x => x.SourceNode is "src-1" or "src-2")).Select(m => m.Key).ToList();
        Assert.NotEmpty(movedOut);
        Assert.All(movedOut, vm => Assert.True(moves[vm].Count() == 2 && now[vm].Status!.NodeName == origins[vm],
            $"{vm} from {origins[vm]} is on {now[vm].Status!.NodeName} after {string.Join(", ", moves[vm].Select(m => m.SourceNode + "->" + m.TargetNode))}"));
    }

    // "Started move-back NAME (ID) of drain ..." names the move-back.
    private static string MoveBackName(string output) =>
        output.Split('\n').First(l => l.StartsWith("Started move-back ", StringComparison.Ordinal)).Split(' ')[2];

    // The succeeded move-backs of the instance's drains.
    private async Task<long> MoveBacksAsync(string instance)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT count(*) FROM drains m JOIN drains d ON d.id = m.returns_drain
             WHERE d.name LIKE @prefix AND m.state = 'succeeded'
            """, connection);
        command.Parameters.AddWithValue("prefix", instance + "-batches-%");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task<IReadOnlyList<string>> DrainsOfAsync(string prefix)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand("SELECT name FROM drains WHERE name LIKE @prefix ORDER BY created_at", connection);
        command.Parameters.AddWithValue("prefix", prefix + "-%");
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }
}
