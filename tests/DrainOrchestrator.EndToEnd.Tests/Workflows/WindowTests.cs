using System.Globalization;
using System.Text.Json.Nodes;
using DrainOrchestrator.EndToEnd.Tests.Server;
using DrainOrchestrator.EndToEnd.Tests.Support;
using DrainOrchestrator.Persistence.Workflows;
using Npgsql;

namespace DrainOrchestrator.EndToEnd.Tests.Workflows;

/// <summary>
/// A schedule of 45 s windows every minute (seconds-resolution cron), too short for its drain: the window admits one
/// migration and holds back the next, the instance suspends at the window's end and completes in the next occurrence,
/// every VM moves exactly once, every migration that started ended inside its window, and the report shows both windows.
/// A <c>drainctl serve</c> process does it all: its ticker fires the occurrences, its jobs run, suspend and resume the
/// instance, and neither of its supervisors takes the suspended instance or drain over between the windows.
/// </summary>
public sealed class WindowTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private static readonly TimeSpan Length = TimeSpan.FromSeconds(45);

    /// <summary>
    /// drain-sim's speed, which the server follows with the cluster-time knob: cron minutes, windows, the engine's
    /// predictions and the cluster's timestamps are all model time, so the two windows pass in about 40 s of wall time
    /// instead of two to three minutes.
    /// </summary>
    private const double Speed = 4;

    [Fact]
    public async Task Schedule_WindowTooShortForTheWork_SuspendsThenCompletesInTheNextWindowEachVmOnce()
    {
        await using var sim = await SimulatorProcess.StartAsync("window.yaml", Speed);
        var file = Path.Combine(Path.GetDirectoryName(sim.KubeconfigPath)!, "short-window.yaml");
        await File.WriteAllTextAsync(file, """
            apiVersion: drain-orchestrator.io/v1
            kind: Workflow
            metadata: {name: short-window}
            policy: {maxParallel: 1, maxOutbound: 1, windowMarginSeconds: 5, atWindowEnd: finish}
            schedule: {cron: "0 * * * * *", timeZone: UTC, duration: 45s}
            steps:
              - {id: select, kind: selectNodes, names: [src-1]}
              - {id: drain, kind: drain}
              - {id: report, kind: report}
            """);
        await using var host = await ScheduleHost.StartAsync(database, sim.KubeconfigPath, await ClusterClock.EnvironmentAsync(sim, CancellationToken.None));
        var plan = await Drainctl.RunAsync(["plan", "--node", "src-1", "--max-parallel", "1", "--max-outbound", "1", "--window-margin-seconds", "5",
            "--window", "0 * * * * *", "--time-zone", "UTC", "--duration", "45s", "-o", "json", .. host.Remote]);
        var name = "window-" + Guid.NewGuid().ToString("N")[..6];
        var created = await Drainctl.RunAsync(["schedule", "create", name, "--workflow", file, .. host.Remote]);
        Assert.True(created.ExitCode == 0, created.Output);

        var instance = await host.RunUntilFinishedAsync(name, TimeSpan.FromMinutes(5));

        // Beforehand, the plan said the work does not fit one window, from the same prediction.
        Assert.True(plan.ExitCode == 0, plan.Output);
        var window = JsonNode.Parse(plan.Output)!["window"]!;
        Assert.False(window["fits"]!.GetValue<bool>(), plan.Output);
        Assert.True(window["windowsNeeded"]!.GetValue<int>() >= 2, plan.Output);

        Assert.Equal("succeeded", instance.State);
        var schedule = (await new ScheduleStore(database.DataSource, TimeProvider.System).ListAsync(CancellationToken.None)).Single(s => s.Name == name);
        var firings = (await new ScheduleStore(database.DataSource, TimeProvider.System).FiringsAsync(schedule.Id, CancellationToken.None))
            .Where(f => f.InstanceId == instance.Id).ToList();
        // Usually two: the first window admits one migration, the second the other (a very slow start can push one later).
        Assert.True(firings.Count >= 2, $"{firings.Count} occurrence(s) fired the instance");

        // Ground truth: each VM moved exactly once, one at a time, and every migration ended inside the window it started in.
        var truth = await sim.GroundTruthAsync();
        ServerDrains.AssertSharedLimitsAndEachVmMovedOnce(truth, 1, 1, ["apps/guest-1", "apps/guest-2"]);
        Assert.Equal(2, truth.Migrations.Count);
        foreach (var migration in truth.Document["migrations"]!.AsArray())
        {
            var createdAt = migration!["createdAt"]!.GetValue<DateTimeOffset>();
            var ended = migration["phaseTransitions"]!.AsArray().Last()!["at"]!.GetValue<DateTimeOffset>();
            var opened = firings.Select(f => f.DueAt).Where(d => d <= createdAt && createdAt < d + Length).ToList();
            Assert.True(opened.Count == 1, $"migration {migration["name"]} created at {createdAt:O} outside every window");
            Assert.True(ended <= opened[0] + Length, $"migration {migration["name"]} ended {ended:O}, after its window closed at {opened[0] + Length:O}");
        }

        // No window took both: the second was held back, not started.
        Assert.All(firings, f => Assert.True(truth.Document["migrations"]!.AsArray()
            .Count(m => m!["createdAt"]!.GetValue<DateTimeOffset>() >= f.DueAt && m["createdAt"]!.GetValue<DateTimeOffset>() < f.DueAt + Length) <= 1));

        // The journal: a held-back decision in the first window, one suspension, both windows opened.
        var drainId = await DrainOfAsync(instance.Id);
        Assert.True(await Journal.CountAsync(database.DataSource, drainId, "migration.held_back") >= 1);
        Assert.Equal(firings.Count - 1, await Journal.CountAsync(database.DataSource, drainId, "drain.suspended"));
        Assert.Equal(firings.Count, await Journal.CountAsync(database.DataSource, drainId, "drain.window_opened"));

        // Each occurrence's firing enqueued the instance, whose job ran it until the window's end suspended it, then on; no
        // supervisor took the suspended instance or its drain over between the windows.
        Assert.Equal(firings.Count - 1, Count(host.Server.Output, $"Workflow job for {instance.Id} ended: suspended"));
        Assert.Equal(1, Count(host.Server.Output, $"Workflow job for {instance.Id} ended: succeeded"));
        Assert.DoesNotContain($"Supervisor enqueued workflow instance {instance.Id}", host.Server.Output, StringComparison.Ordinal);
        Assert.DoesNotContain($"Supervisor enqueued drain {drainId}", host.Server.Output, StringComparison.Ordinal);

        // The instance's journal, read through the server: fired (created), then each suspension and its resumption by a firing.
        var journal = await Drainctl.RunAsync(["workflow", "journal", instance.Id.ToString("D"), .. host.Remote]);
        Assert.True(journal.ExitCode == 0, journal.Output);
        var events = journal.Output.Split('\n').Select(l => l.Replace(": ", ":", StringComparison.Ordinal)).ToList();
        Assert.Single(events, l => l.Contains("workflow.created", StringComparison.Ordinal) && l.Contains("schedule/" + name, StringComparison.Ordinal));
        Assert.Equal(firings.Count - 1, events.Count(l => l.Contains("\"to\":\"suspended\"", StringComparison.Ordinal)));
        Assert.Equal(firings.Count - 1, events.Count(l => l.Contains("\"from\":\"suspended\",", StringComparison.Ordinal)
            && l.Contains("resumed by the occurrence due", StringComparison.Ordinal)));

        var report = await Drainctl.RunAsync(["report", drainId.ToString("D"), .. host.Remote]);
        Assert.True(report.ExitCode == 0, report.Output);
        var lines = report.Output.Split('\n');
        Assert.Contains(lines, l => l.StartsWith("Window 1 ", StringComparison.Ordinal) && l.Contains("suspended at its end", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith($"Window {firings.Count} ", StringComparison.Ordinal) && l.Contains("1 moved", StringComparison.Ordinal)
            && !l.Contains("suspended", StringComparison.Ordinal));
        Assert.Equal(2, lines.Where(l => l.StartsWith("Window ", StringComparison.Ordinal)).Sum(l => int.Parse(l.Split(", ")[1].Split(' ')[0], CultureInfo.InvariantCulture)));
    }

    private static int Count(string text, string what) => text.Split('\n').Count(l => l.Contains(what, StringComparison.Ordinal));

    private async Task<Guid> DrainOfAsync(Guid instanceId)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(
            "SELECT detail->'drain'->>'id' FROM workflow_steps WHERE instance_id = @id AND step_key = 'drain'", connection);
        command.Parameters.AddWithValue("id", instanceId);
        return Guid.Parse((string)(await command.ExecuteScalarAsync())!);
    }
}
