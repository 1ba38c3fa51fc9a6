using DrainOrchestrator.EndToEnd.Tests.Server;
using DrainOrchestrator.EndToEnd.Tests.Support;
using Npgsql;

namespace DrainOrchestrator.EndToEnd.Tests.Workflows;

/// <summary>
/// Workflows run by drainctl against drain-sim and PostgreSQL: batches of cordon, drain, wait, soak and uncordon; an
/// approval that survives a SIGKILL; and, run by a drainctl serve process, a failing hook retried then pausing the
/// workflow with its reason, and an alert gate against a fake Prometheus.
/// </summary>
public sealed class WorkflowTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private const double Speed = 25;

    [Fact]
    public async Task Run_BatchesOfOne_EachNodeDrainedInTurnAndUncordonedStepsRecorded()
    {
        await using var sim = await SimulatorProcess.StartAsync("replicas.yaml", Speed);
        var file = Write("batches", """
              - id: batches
                kind: forEachBatch
                batchSize: 1
                order: name
                steps:
                  - {id: cordon, kind: cordon}
                  - {id: drain, kind: drain}
                  - {id: ready, kind: waitFor, condition: {ready: true}, timeout: 1m}
                  - {id: soak, kind: soak, duration: 1s}
                  - {id: uncordon, kind: uncordon}
              - {id: report, kind: report}
            """);

        var (code, output) = await Drainctl.RunAsync("workflow", "run", file, "--kubeconfig", sim.KubeconfigPath, "--db", database.ConnectionString,
            "--param", "nodes=src-1,src-2");

        Assert.True(code == 0, output);
        foreach (var key in new[] { "batches[0]/drain", "batches[1]/drain", "batches[1]/uncordon", "report" })
        {
            Assert.Contains(output.Split('\n'), l => l.TrimStart().StartsWith(key + " ", StringComparison.Ordinal) && l.Contains("succeeded", StringComparison.Ordinal));
        }

        var truth = await sim.GroundTruthAsync();
        ServerDrains.AssertSharedLimitsAndEachVmMovedOnce(truth, 5, 2, []);
        var nodes = await sim.Client.ListAllAsync<Kubernetes.Models.Node>(null, null, CancellationToken.None);
        Assert.All(nodes.Items, n => Assert.NotEqual(true, n.Spec?.Unschedulable));
        // src-2's VMs prefer src-1, drained and back in service before them (batch targets); none is left on src-2, and
        // none of src-1's went there (a later batch's node), so each VM moved once.
        Assert.DoesNotContain((await sim.VmisAsync()).Values, v => v.Status!.NodeName is "src-2");
        Assert.DoesNotContain(truth.Migrations, m => m.SourceNode == "src-1" && m.TargetNode == "src-2");
    }

    [Fact]
    public async Task Approval_RunKilledWhileWaiting_ApprovedThenResumedGoesOn()
    {
        await using var sim = await SimulatorProcess.StartAsync("replicas.yaml", Speed);
        var file = Write("approval", """
              - {id: go-ahead, kind: approval, message: "Proceed?"}
              - id: batches
                kind: forEachBatch
                batchSize: 2
                steps:
                  - {id: cordon, kind: cordon}
              - {id: report, kind: report}
            """);
        var name = "approval-" + Guid.NewGuid().ToString("N")[..6];
        await using (var run = Drainctl.Start("workflow", "run", file, "--kubeconfig", sim.KubeconfigPath, "--db", database.ConnectionString,
            "--param", "nodes=src-3", "--name", name))
        {
            await WaitForStateAsync(name, "waiting");
            // The operator following the run is told what it waits for and the command that ends the wait.
            await run.WaitForOutputAsync($"workflow {name} waits for approval of step go-ahead: Proceed?; approve it with: drainctl workflow approve '{name}' 'go-ahead'",
                TimeSpan.FromSeconds(30));

            // Paused and resumed while the approval waits: the instance waits for it again, for every reader, not "running".
            Assert.Equal(0, (await Drainctl.RunAsync("workflow", "pause", name, "--db", database.ConnectionString)).ExitCode);
            await run.WaitForOutputAsync($"workflow {name} is paused (", TimeSpan.FromSeconds(30));
            var resumedHere = await Drainctl.RunAsync("workflow", "resume", name, "--kubeconfig", sim.KubeconfigPath, "--db", database.ConnectionString);
            Assert.Contains($"{name}: resumed", resumedHere.Output, StringComparison.Ordinal);
            Assert.StartsWith("approval of step go-ahead", await WaitForStateAsync(name, "waiting"), StringComparison.Ordinal);
            await run.KillAsync();
        }

        var approved = await Drainctl.RunAsync("workflow", "approve", name, "go-ahead", "--db", database.ConnectionString);
        var resumed = await Drainctl.RunAsync("workflow", "resume", name, "--kubeconfig", sim.KubeconfigPath, "--db", database.ConnectionString);

        Assert.True(approved.ExitCode == 0, approved.Output);
        Assert.Contains("approved by drainctl/", approved.Output, StringComparison.Ordinal);
        Assert.True(resumed.ExitCode == 0, resumed.Output);
        Assert.Contains($"{name}  succeeded", resumed.Output, StringComparison.Ordinal);
        Assert.Contains("approvedBy", resumed.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hook_FailingPostHook_RetriedPerPolicyThenPausesWithTheReason()
    {
        await using var sim = await SimulatorProcess.StartAsync("replicas.yaml", Speed);
        await using var hook = new FakeHttpEndpoint(_ => (500, """{"error":"the CMDB is down"}"""));
        var file = Write("hook", $$"""
              - {id: post-hook, kind: hook, url: "{{hook.Url}}change", phase: post, retries: 2, retryDelay: 100ms, timeout: 5s, onFailure: pause}
              - {id: report, kind: report}
            """);
        var name = "hook-" + Guid.NewGuid().ToString("N")[..6];
        await using var server = await ServedAsync(sim);
        await using var run = Drainctl.Start(["workflow", "run", file, "--param", "nodes=src-4", "--name", name, .. server.Remote]);

        var reason = await WaitForStateAsync(name, "paused");
        await run.WaitForOutputAsync($"resume it with: drainctl workflow resume '{name}'", TimeSpan.FromSeconds(30));

        Assert.Equal(3, hook.Requests);
        Assert.Contains("step post-hook failed", reason, StringComparison.Ordinal);
        Assert.Contains("answered 500", reason, StringComparison.Ordinal);
        Assert.Contains("after 3 attempt(s)", reason, StringComparison.Ordinal);
        // The operator sees the reason through the server.
        var shown = await Drainctl.RunAsync(["workflow", "show", name, .. server.Remote]);
        Assert.Contains("answered 500", shown.Output, StringComparison.Ordinal);
        var cancelled = await Drainctl.RunAsync(["workflow", "cancel", name, .. server.Remote]);
        Assert.True(cancelled.ExitCode == 0, cancelled.Output);
        Assert.Equal(1, await run.WaitForExitAsync(TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task AlertGate_FakePrometheusFiringThenQuiet_BlocksThenGoesOn()
    {
        await using var sim = await SimulatorProcess.StartAsync("replicas.yaml", Speed);
        const string Firing = """{"status":"success","data":{"resultType":"vector","result":[{"metric":{"alertname":"NodeDown"},"value":[1,"1"]}]}}""";
        const string Quiet = """{"status":"success","data":{"resultType":"vector","result":[]}}""";
        await using var prometheus = new FakeHttpEndpoint(n => (200, n <= 3 ? Firing : Quiet));
        var file = Write("gate", $$"""
              - {id: quiet, kind: alertGate, prometheusUrl: "{{prometheus.Url}}", query: "ALERTS{alertstate=\"firing\"}", interval: 200ms, timeout: 1m}
              - {id: report, kind: report}
            """);

        await using var server = await ServedAsync(sim);
        var (code, output) = await Drainctl.RunAsync(["workflow", "run", file, "--param", "nodes=src-5", .. server.Remote]);

        Assert.True(code == 0, output);
        Assert.Equal(4, prometheus.Requests);
        Assert.Contains(output.Split('\n'), l => l.TrimStart().StartsWith("quiet ", StringComparison.Ordinal) && l.Contains("1 series returned", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Journal_ABatchedRun_ListsEveryStepRunAndTheDrainsItStarted()
    {
        await using var sim = await SimulatorProcess.StartAsync("replicas.yaml", Speed);
        var file = Write("journaled", """
              - id: batches
                kind: forEachBatch
                batchSize: 1
                order: name
                steps:
                  - {id: cordon, kind: cordon}
                  - {id: drain, kind: drain}
                  - {id: uncordon, kind: uncordon}
              - {id: report, kind: report}
            """);
        var name = "journaled-" + Guid.NewGuid().ToString("N")[..6];

        var run = await Drainctl.RunAsync("workflow", "run", file, "--kubeconfig", sim.KubeconfigPath, "--db", database.ConnectionString,
            "--param", "nodes=src-5,src-6", "--name", name);
        var journal = await Drainctl.RunAsync("workflow", "journal", name, "--with-drains", "--db", database.ConnectionString);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.True(journal.ExitCode == 0, journal.Output);
        // The payload as PostgreSQL prints jsonb ("step": "x"), compared without the spaces.
        var lines = journal.Output.Split('\n').Select(l => l.Replace(": ", ":", StringComparison.Ordinal)).ToList();
        string[] keys = ["select", "batches", "batches[0]/cordon", "batches[0]/drain", "batches[0]/uncordon", "batches[1]/cordon", "batches[1]/drain",
            "batches[1]/uncordon", "report"];
        foreach (var key in keys)
        {
            foreach (var kind in new[] { "workflow.step.started", "workflow.step.succeeded" })
            {
                Assert.Single(lines, l => l.Contains(kind + " ", StringComparison.Ordinal) && l.Contains($"\"step\":\"{key}\"", StringComparison.Ordinal));
            }
        }

        Assert.Equal(2, lines.Count(l => l.Contains("workflow.drain.started", StringComparison.Ordinal)));
        Assert.Contains(lines, l => l.Contains("workflow.state_changed", StringComparison.Ordinal) && l.Contains("\"to\":\"succeeded\"", StringComparison.Ordinal));
        // The drains' own journals follow their starts, indented: each ran to drain.succeeded.
        Assert.Equal(2, lines.Count(l => l.StartsWith("    ", StringComparison.Ordinal) && l.Contains("drain.succeeded", StringComparison.Ordinal)));
        var uncordoned = await sim.Client.GetAsync<Kubernetes.Models.Node>(null, "src-5", CancellationToken.None);
        Assert.Equal(("False", "NodeUncordoned"), (uncordoned.Status?.Conditions?.Single(c => c.Type == "Drained").Status,
            uncordoned.Status?.Conditions?.Single(c => c.Type == "Drained").Reason));
    }

    // A drainctl serve process on this database and cluster, and the options that send drainctl's commands to it.
    private async Task<ServedWorkflows> ServedAsync(SimulatorProcess sim)
    {
        var directory = Path.GetDirectoryName(sim.KubeconfigPath)!;
        var tokens = await ApiTokens.CreateAsync(directory);
        var tokenFile = Path.Combine(directory, "operator-token");
        await BearerTokenFile.WriteAsync(tokenFile, tokens.Operator);
        var server = await ServerProcess.StartAsync(sim.KubeconfigPath, database.ConnectionString, tokens.Path);
        return new ServedWorkflows(server, ["--server", server.Url.ToString(), "--token-file", tokenFile]);
    }

    private sealed record ServedWorkflows(ServerProcess Server, string[] Remote) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Server.DisposeAsync();
    }

    internal static string Write(string name, string steps)
    {
        var directory = Path.Combine(Path.GetTempPath(), "drain-e2e-workflows", Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, name + ".yaml");
        File.WriteAllText(file, $$"""
            apiVersion: drain-orchestrator.io/v1
            kind: Workflow
            metadata: {name: {{name}}}
            parameters:
              nodes: {type: stringList}
            policy: {nonMigratable: skip, retryBackoffSeconds: 1}
            steps:
              - {id: select, kind: selectNodes, names: "${params.nodes}"}
            {{steps}}
            """);
        return file;
    }

    // Polls the instance's row until its state is reached; returns what it waits for (or the outcome).
    private async Task<string> WaitForStateAsync(string name, string state)
    {
        var deadline = TimeProvider.System.GetUtcNow() + TimeSpan.FromMinutes(2);
        while (true)
        {
            await using var connection = await database.DataSource.OpenConnectionAsync();
            await using var command = new NpgsqlCommand("SELECT state, coalesce(waiting_for, outcome_reason, '') FROM workflow_instances WHERE name = @name", connection);
            command.Parameters.AddWithValue("name", name);
            await using var reader = await command.ExecuteReaderAsync();
            if (await reader.ReadAsync() && reader.GetString(0) == state)
            {
                return reader.GetString(1);
            }

            Assert.True(TimeProvider.System.GetUtcNow() < deadline, $"workflow {name} never reached {state}");
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }
}
