using System.Globalization;
using DrainOrchestrator.EndToEnd.Tests.Server;
using DrainOrchestrator.EndToEnd.Tests.Support;

namespace DrainOrchestrator.EndToEnd.Tests.Drains;

/// <summary>
/// <c>drainctl drain --window-end</c> with a window too short for the work: the run admits only what is predicted to end
/// in time, ends suspended (exit 3) with nothing lost, and the same command in a later window attaches to the drain and
/// finishes it without moving a VM twice; the report shows both windows.
/// </summary>
public sealed class WindowDrainTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    [Fact]
    public async Task Drain_WindowEndsBeforeTheWork_SuspendedThenTheSameCommandLaterFinishesEachVmOnce()
    {
        await using var sim = await SimulatorProcess.StartAsync("window.yaml", 1);
        string[] Drain(DateTimeOffset end) =>
        [
            "drain", "--node", "src-1", "--max-parallel", "1", "--max-outbound", "1", "--window-margin-seconds", "5",
            "--window-end", end.ToString("O", CultureInfo.InvariantCulture), "--kubeconfig", sim.KubeconfigPath, "--db", database.ConnectionString,
        ];
        var firstEnd = TimeProvider.System.GetUtcNow() + TimeSpan.FromSeconds(45);

        var first = await Drainctl.RunAsync(Drain(firstEnd));

        Assert.True(first.ExitCode == 3, first.Output);
        Assert.Contains(": suspended: the maintenance window ends", first.Output, StringComparison.Ordinal);
        var afterFirst = await sim.GroundTruthAsync();
        Assert.True(afterFirst.Migrations.Count < 2, "both guests moved in a window meant for one");
        Assert.All(afterFirst.Document["migrations"]!.AsArray(), m =>
            Assert.True(m!["phaseTransitions"]!.AsArray().Last()!["at"]!.GetValue<DateTimeOffset>() <= firstEnd, $"{m["name"]} ended after the window"));

        var second = await Drainctl.RunAsync(Drain(TimeProvider.System.GetUtcNow() + TimeSpan.FromMinutes(3)));

        Assert.True(second.ExitCode == 0, second.Output);
        Assert.Contains("Attached to unfinished drain", second.Output, StringComparison.Ordinal);
        var truth = await sim.GroundTruthAsync();
        ServerDrains.AssertSharedLimitsAndEachVmMovedOnce(truth, 1, 1, ["apps/guest-1", "apps/guest-2"]);
        Assert.Equal(2, truth.Migrations.Count);
        var drain = await Records.OnlyDrainOfAsync(database.DataSource, sim.Server);
        var report = await Drainctl.RunAsync("report", drain.Id.ToString("D"), "--db", database.ConnectionString);
        Assert.Contains(report.Output.Split('\n'), l => l.StartsWith("Window 1 ", StringComparison.Ordinal) && l.Contains("suspended at its end", StringComparison.Ordinal));
        Assert.Contains(report.Output.Split('\n'), l => l.StartsWith("Window 2 ", StringComparison.Ordinal));
    }
}
