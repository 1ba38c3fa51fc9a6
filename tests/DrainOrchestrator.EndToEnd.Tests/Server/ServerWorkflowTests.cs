using System.Net.Http.Json;
using System.Text.Json;
using DrainOrchestrator.EndToEnd.Tests.Support;
using DrainOrchestrator.Persistence.Workflows;

namespace DrainOrchestrator.EndToEnd.Tests.Server;

/// <summary>
/// Workflows and schedules served by <c>drainctl serve</c> processes on PostgreSQL and drain-sim: an approval gate that
/// outlives a SIGKILLed server and goes on when approved through the API of its successor, and a seconds-resolution
/// schedule fired by two replicas, each occurrence recorded once, none missed, every fired instance run.
/// </summary>
public sealed class ServerWorkflowTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task ApprovalGate_ServerKilledWhileWaiting_ApprovedThroughTheApiAfterRestartGoesOnToSucceed()
    {
        await using var sim = await SimulatorProcess.StartAsync("replicas.yaml", 25);
        var directory = Path.GetDirectoryName(sim.KubeconfigPath)!;
        var tokens = await ApiTokens.CreateAsync(directory);
        var tokenFile = Path.Combine(directory, "operator-token");
        await BearerTokenFile.WriteAsync(tokenFile, tokens.Operator);
        var file = Path.Combine(directory, "approval.yaml");
        await File.WriteAllTextAsync(file, """
            apiVersion: drain-orchestrator.io/v1
            kind: Workflow
            metadata: {name: approval}
            parameters:
              nodes: {type: stringList}
            steps:
              - {id: select, kind: selectNodes, names: "${params.nodes}"}
              - {id: go-ahead, kind: approval, message: "Proceed?"}
              - {id: cordon, kind: cordon}
              - {id: report, kind: report}
            """);
        var name = "gate-" + Guid.NewGuid().ToString("N")[..6];

        var first = await ServerProcess.StartAsync(sim.KubeconfigPath, database.ConnectionString, tokens.Path);
        await using (first)
        {
            using var client = first.Client(tokens.Operator);
            using var started = await client.PostAsJsonAsync("api/v1/workflows", new
            {
                fileName = "approval.yaml",
                text = await File.ReadAllTextAsync(file),
                parameters = new Dictionary<string, string> { ["nodes"] = "src-3" },
                name,
            });
            Assert.True(started.IsSuccessStatusCode, await started.Content.ReadAsStringAsync());
            await WaitStateAsync(client, name, "waiting");
            await first.KillAsync();
        }

        await using var second = await ServerProcess.StartAsync(sim.KubeconfigPath, database.ConnectionString, tokens.Path);
        string[] remote = ["--server", second.Url.ToString(), "--token-file", tokenFile];
        var approved = await Drainctl.RunAsync(["workflow", "approve", name, "go-ahead", .. remote]);
        Assert.True(approved.ExitCode == 0, approved.Output);
        Assert.Contains($"{name}: step go-ahead approved by api/otto", approved.Output, StringComparison.Ordinal);

        using var viewer = second.Client(tokens.Viewer);
        var done = await WaitStateAsync(viewer, name, "succeeded");
        // The restarted server took the instance over (its supervisor found it unattended) and ran it on.
        Assert.Contains($"Workflow job for {done.GetProperty("id").GetString()} ({name}) runs in this replica", second.Output, StringComparison.Ordinal);
        Assert.Contains("approvedBy", done.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("key").GetString() == "go-ahead")
            .GetProperty("detail").GetString(), StringComparison.Ordinal);
        var nodes = await sim.Client.ListAllAsync<Kubernetes.Models.Node>(null, null, CancellationToken.None);
        Assert.True(nodes.Items.Single(n => n.Metadata?.Name == "src-3").Spec?.Unschedulable, "the step after the gate cordoned src-3");

        // The same instance reads the same through the server as on the database.
        var shownRemote = await Drainctl.RunAsync(["workflow", "show", name, .. remote]);
        var shownLocal = await Drainctl.RunAsync("workflow", "show", name, "--db", database.ConnectionString);
        Assert.Equal((0, shownLocal.Output), shownRemote);

        // Run through the server: an invalid file starts nothing and names its problems at file:line:column; a valid
        // one is run by the server and followed here until it ends (cancelled at its gate through the server).
        var broken = Path.Combine(directory, "broken.yaml");
        await File.WriteAllTextAsync(broken, "apiVersion: drain-orchestrator.io/v1\nkind: Workflow\nmetadata: {name: broken}\nsteps:\n  - {id: x, kind: teleport}\n");
        var refused = await Drainctl.RunAsync(["workflow", "run", broken, .. remote]);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains($"error: {broken}:5:", refused.Output, StringComparison.Ordinal);
        Assert.Contains("Nothing was started.", refused.Output, StringComparison.Ordinal);
        await using var following = Drainctl.Start(["workflow", "run", file, "--param", "nodes=src-4", "--name", name + "-run", .. remote]);
        await WaitStateAsync(viewer, name + "-run", "waiting");
        var cancelled = await Drainctl.RunAsync(["workflow", "cancel", name + "-run", .. remote]);
        Assert.Equal((0, $"{name}-run: cancelled"), (cancelled.ExitCode, cancelled.Output.Trim()));
        Assert.Equal(1, await following.WaitForExitAsync(Drainctl.Patience));
        Assert.Contains($"Started workflow {name}-run (approval version ", following.Output, StringComparison.Ordinal);
        Assert.Contains($"{name}-run  cancelled", following.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Firing_TwoReplicasTwentyOccurrences_NoDuplicateNoneMissedEveryInstanceRan()
    {
        await using var sim = await SimulatorProcess.StartAsync("replicas.yaml", 1);
        var directory = Path.GetDirectoryName(sim.KubeconfigPath)!;
        var tokens = await ApiTokens.CreateAsync(directory);
        var tokenFile = Path.Combine(directory, "operator-token");
        await BearerTokenFile.WriteAsync(tokenFile, tokens.Operator);
        var file = Path.Combine(directory, "every-second.yaml");
        await File.WriteAllTextAsync(file, """
            apiVersion: drain-orchestrator.io/v1
            kind: Workflow
            metadata: {name: every-second}
            schedule: {cron: "* * * * * *", timeZone: UTC, duration: 1m}
            steps:
              - {id: select, kind: selectNodes, names: [src-6]}
              - {id: report, kind: report}
            """);
        await using var a = await ServerProcess.StartAsync(sim.KubeconfigPath, database.ConnectionString, tokens.Path);
        await using var b = await ServerProcess.StartAsync(sim.KubeconfigPath, database.ConnectionString, tokens.Path);
        var name = "fire-" + Guid.NewGuid().ToString("N")[..6];

        var created = await Drainctl.RunAsync("schedule", "create", name, "--workflow", file, "--server", a.Url.ToString(), "--token-file", tokenFile);
        Assert.True(created.ExitCode == 0, created.Output);
        var store = new ScheduleStore(database.DataSource, TimeProvider.System);
        var schedule = (await store.ListAsync(CancellationToken.None)).Single(s => s.Name == name);
        var deadline = TimeProvider.System.GetUtcNow() + Patience;
        while ((await store.FiringsAsync(schedule.Id, CancellationToken.None)).Count < 20)
        {
            Assert.True(TimeProvider.System.GetUtcNow() < deadline, "20 occurrences were not recorded in time");
            await Task.Delay(500);
        }

        // The firings read the same through either replica as on the database.
        string[] firingsOf = ["schedule", "firings", name];
        var throughB = await Drainctl.RunAsync([.. firingsOf, "--server", b.Url.ToString(), "--token-file", tokenFile]);
        Assert.True(throughB.ExitCode == 0, throughB.Output);
        Assert.True(throughB.Output.Split('\n').Count(l => l.Contains(" fired ", StringComparison.Ordinal)) >= 20, throughB.Output);

        var deleted = await Drainctl.RunAsync("schedule", "delete", name, "--server", b.Url.ToString(), "--token-file", tokenFile);
        Assert.True(deleted.ExitCode == 0, deleted.Output);
        // A tick that listed the schedule before its deletion may still record one more occurrence: wait it out.
        await Task.Delay(TimeSpan.FromSeconds(3));

        var firings = await store.FiringsAsync(schedule.Id, CancellationToken.None);
        Assert.True(firings.Count >= 20, $"{firings.Count} occurrences");
        Assert.All(firings, f => Assert.True(f.Outcome == "fired", $"{f.DueAt:O} {f.Outcome}: {f.Reason}"));
        Assert.Equal(firings.Count, firings.Select(f => f.DueAt).Distinct().Count());
        // None missed: the first is the first second after the schedule's creation, and each next one a second later.
        Assert.InRange(firings[0].DueAt - schedule.CreatedAt, TimeSpan.Zero, TimeSpan.FromSeconds(1));
        Assert.All(firings.Zip(firings.Skip(1)), pair => Assert.Equal(TimeSpan.FromSeconds(1), pair.Second.DueAt - pair.First.DueAt));
        Assert.Equal(firings.Count, firings.Select(f => f.InstanceId).Distinct().Count());

        // Every fired instance ran to its end, as a job of one replica or the other.
        var workflows = new WorkflowStore(database.DataSource, TimeProvider.System);
        foreach (var firing in firings)
        {
            while (await workflows.FindAsync(firing.InstanceId!.Value.ToString("D"), CancellationToken.None) is { IsFinal: false })
            {
                Assert.True(TimeProvider.System.GetUtcNow() < deadline + Patience, $"instance {firing.InstanceId} of {firing.DueAt:O} did not end");
                await Task.Delay(500);
            }

            var instance = await workflows.FindAsync(firing.InstanceId!.Value.ToString("D"), CancellationToken.None);
            Assert.Equal(("succeeded", "schedule/" + name), (instance!.State, instance.RequestedBy));
        }
    }

    // Polls the instance through the API until its state is reached; one not recorded yet (404) is waited for too (a
    // generous deadline only guards a hang).
    private static async Task<JsonElement> WaitStateAsync(HttpClient client, string name, string state)
    {
        var deadline = TimeProvider.System.GetUtcNow() + Patience;
        var last = "not recorded";
        while (true)
        {
            using var response = await client.GetAsync($"api/v1/workflows/{name}");
            if (response.StatusCode != System.Net.HttpStatusCode.NotFound)
            {
                Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
                var instance = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
                last = instance.GetProperty("state").GetString()!;
                if (last == state)
                {
                    return instance;
                }
            }

            Assert.True(TimeProvider.System.GetUtcNow() < deadline, $"{name} still {last}, expected {state}");
            await Task.Delay(500);
        }
    }
}
