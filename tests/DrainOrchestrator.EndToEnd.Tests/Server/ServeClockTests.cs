using System.Text.Json.Nodes;
using DrainOrchestrator.EndToEnd.Tests.Support;

namespace DrainOrchestrator.EndToEnd.Tests.Server;

/// <summary>
/// <c>drainctl serve</c> keeps time by the same clock as every other drainctl command, so the fault campaign's clock
/// knob (<c>DRAIN_CLOCK_OFFSET_SECONDS</c>) sets a replica's clock off too: its log lines carry its own time.
/// </summary>
public sealed class ServeClockTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    [Fact]
    public async Task Serve_ClockKnobTwoHoursBack_LogsItsOwnTimeTwoHoursBehind()
    {
        await using var sim = await SimulatorProcess.StartAsync("replicas.yaml", 1);
        var tokens = await ApiTokens.CreateAsync(Path.GetDirectoryName(sim.KubeconfigPath)!);
        var before = TimeProvider.System.GetUtcNow();
        await using var server = await ServerProcess.StartAsync(sim.KubeconfigPath, database.ConnectionString, tokens.Path,
            new Dictionary<string, string> { ["DRAIN_CLOCK_OFFSET_SECONDS"] = "-7200" }, "--log-format", "json");
        var after = TimeProvider.System.GetUtcNow();

        var times = server.Output.Split('\n')
            .Where(l => l.TrimStart().StartsWith('{'))
            .Select(l => JsonNode.Parse(l)!["time"]!.GetValue<DateTimeOffset>())
            .ToList();

        Assert.NotEmpty(times);
        Assert.All(times, t => Assert.InRange(t, before.AddHours(-2).AddSeconds(-5), after.AddHours(-2).AddSeconds(5)));
    }
}
