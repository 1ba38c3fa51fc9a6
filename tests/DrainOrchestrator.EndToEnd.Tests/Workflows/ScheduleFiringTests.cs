using DrainOrchestrator.EndToEnd.Tests.Support;
using DrainOrchestrator.Persistence.Workflows;

namespace DrainOrchestrator.EndToEnd.Tests.Workflows;

/// <summary>
/// Two tickers on one database (what two server replicas run) and a schedule firing every second: each occurrence
/// is recorded exactly once, none is missed, and each fired occurrence has its workflow instance. Its windows last a
/// minute (they overlap): a tick a second late on a loaded machine must not find its window closed (which is skipped).
/// </summary>
public sealed class ScheduleFiringTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    [Fact]
    public async Task Tick_TwoProcessesTwentyOccurrences_EachRecordedOnceNoneMissed()
    {
        await using var sim = await SimulatorProcess.StartAsync("replicas.yaml", 1);
        var directory = Path.GetDirectoryName(sim.KubeconfigPath)!;
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
        var name = "fire-" + Guid.NewGuid().ToString("N")[..6];
        var created = await Drainctl.RunAsync("schedule", "create", name, "--workflow", file, "--kubeconfig", sim.KubeconfigPath, "--db", database.ConnectionString);
        Assert.True(created.ExitCode == 0, created.Output);

        await using var a = Drainctl.Start("schedule", "tick", "--for", "22s", "--db", database.ConnectionString);
        await using var b = Drainctl.Start("schedule", "tick", "--for", "22s", "--db", database.ConnectionString);
        Assert.Equal(0, await a.WaitForExitAsync(TimeSpan.FromMinutes(2)));
        Assert.Equal(0, await b.WaitForExitAsync(TimeSpan.FromMinutes(2)));

        var store = new ScheduleStore(database.DataSource, TimeProvider.System);
        var schedule = (await store.ListAsync(CancellationToken.None)).Single(s => s.Name == name);
        var firings = await store.FiringsAsync(schedule.Id, CancellationToken.None);
        Assert.True(firings.Count >= 20, $"{firings.Count} occurrences recorded in 22 s of ticking");
        // None missed at the start: the first is the first due after the schedule was created.
        Assert.InRange(firings[0].DueAt - schedule.CreatedAt, TimeSpan.Zero, TimeSpan.FromSeconds(1));
        Assert.All(firings, f => Assert.Equal("fired", f.Outcome));
        Assert.Equal(firings.Count, firings.Select(f => f.DueAt).Distinct().Count());
        Assert.All(firings.Zip(firings.Skip(1)), pair => Assert.Equal(TimeSpan.FromSeconds(1), pair.Second.DueAt - pair.First.DueAt));
        Assert.Equal(firings.Count, firings.Select(f => f.InstanceId).Distinct().Count());
        var instances = await new WorkflowStore(database.DataSource, TimeProvider.System).ListAsync(activeOnly: false, 500, CancellationToken.None);
        Assert.All(firings, f => Assert.Contains(instances, i => i.Id == f.InstanceId && i.RequestedBy == "schedule/" + name));
        // Both tickers took part: neither merely followed the other.
        Assert.Equal(2, firings.Select(f => f.RecordedBy).Distinct().Count());
    }
}
