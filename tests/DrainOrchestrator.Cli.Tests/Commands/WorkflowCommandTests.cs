using DrainOrchestrator.Cli.Commands;
using DrainOrchestrator.Testing;

namespace DrainOrchestrator.Cli.Tests.Commands;

/// <summary><c>drainctl workflow validate</c> and <c>drainctl schedule next</c>: exit codes and the problems named.</summary>
public sealed class WorkflowCommandTests
{
    [Fact]
    public async Task Validate_ShippedWorkflows_ValidExit0()
    {
        var files = Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "workflows"), "*.yaml");

        var run = await DrainctlRun.RunAsync(["workflow", "validate", .. files]);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(files.Length, run.Output.Split('\n').Count(l => l.Contains(": valid: workflow ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Validate_BrokenFile_EveryProblemWithFileLineColumnExit2()
    {
        var file = Path.Combine(Path.GetTempPath(), $"broken-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(file, """
            apiVersion: drain-orchestrator.io/v1
            kind: Workflow
            metadata: {name: broken}
            schedule: {cron: "61 2 * * *", timeZone: Nowhere/Land, duration: 1h}
            steps:
              - {id: a, kind: teleport}
            """);

        var run = await DrainctlRun.RunAsync("workflow", "validate", file);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains($"{file}:4:18: schedule.cron: is not a valid cron expression", run.Error, StringComparison.Ordinal);
        Assert.Contains($"{file}:4:42: schedule.timeZone: unknown time zone 'Nowhere/Land'", run.Error, StringComparison.Ordinal);
        Assert.Contains($"{file}:6:19: steps[0].kind: unknown step kind 'teleport'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScheduleNext_SpringForwardDay_LocalAndUtc()
    {
        var run = await DrainctlRun.RunAsync("schedule", "next", "--cron", "30 2 * * *", "--time-zone", "Europe/Berlin", "--duration", "4h",
            "--after", "2027-03-27T12:00:00Z", "--count", "2");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("2027-03-28 03:00:00 +02:00 to 2027-03-28 07:00:00 +02:00   UTC 2027-03-28 01:00:00 to 2027-03-28 05:00:00", run.Output, StringComparison.Ordinal);
        Assert.Contains("2027-03-29 02:30:00 +02:00 to 2027-03-29 06:30:00 +02:00   UTC 2027-03-29 00:30:00 to 2027-03-29 04:30:00", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_AParameterGivenTwice_Exit2SayingSo()
    {
        var file = Path.Combine(RepositoryPaths.Root, "workflows", "rolling-upgrade.yaml");

        var run = await DrainctlRun.RunAsync("workflow", "validate", file, "--param", "kubeletVersion=v1.33.1", "--param", "kubeletVersion=v1.33.2");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("error: --param kubeletVersion is given twice; give each parameter once", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Arguments_OfRunPlanAndScheduleCreate_AParameterGivenTwiceRefused()
    {
        var refused = Assert.Throws<ArgumentException>(() => WorkflowRunCommands.Arguments(["nodes=a", "nodes=b"]));

        Assert.Equal("--param nodes is given twice; give each parameter once (a list is comma-separated: --param nodes=a,b)", refused.Message);
        Assert.Equal(new Dictionary<string, string> { ["nodes"] = "a,b", ["x"] = "=1" }, WorkflowRunCommands.Arguments(["nodes=a,b", "x==1"]));
    }

    [Fact]
    public async Task List_NoInstances_SaysSo()
    {
        await using var db = await ScratchDatabase.CreateAsync();
        Assert.Equal(ExitCodes.Success, (await DrainctlRun.RunAsync("db", "migrate", "--db", db.ConnectionString)).ExitCode);

        var run = await DrainctlRun.RunAsync("workflow", "list", "--db", db.ConnectionString);

        Assert.True(run.ExitCode == ExitCodes.Success, run.Error);
        Assert.Equal("No unfinished workflow instances (--all lists the finished ones too).", run.Output.Trim());
    }

    [Fact]
    public async Task ScheduleNext_FallBackDay_FirstInstanceOnly()
    {
        var run = await DrainctlRun.RunAsync("schedule", "next", "--cron", "30 2 * * *", "--time-zone", "Europe/Berlin",
            "--after", "2026-10-24T12:00:00Z", "--count", "2");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("2026-10-25 02:30:00 +02:00 to 2026-10-25 02:30:00 +01:00   UTC 2026-10-25 00:30:00 to 2026-10-25 01:30:00", run.Output, StringComparison.Ordinal);
        Assert.Contains("2026-10-26 02:30:00 +01:00", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScheduleNext_BadInput_EveryProblemNamedExit2()
    {
        var run = await DrainctlRun.RunAsync("schedule", "next", "--cron", "0 2 * *", "--time-zone", "Mars/Olympus", "--duration", "soon");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("--cron must be a cron expression of 5 fields", run.Error, StringComparison.Ordinal);
        Assert.Contains("unknown time zone 'Mars/Olympus'", run.Error, StringComparison.Ordinal);
        Assert.Contains("--duration must be a duration", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScheduleNext_AfterWithoutAnOffset_Exit2AskingForOne()
    {
        var run = await DrainctlRun.RunAsync("schedule", "next", "--cron", "30 2 * * *", "--time-zone", "Europe/Berlin", "--after", "2026-10-24T12:00");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("--after '2026-10-24T12:00' has no offset, so it could be UTC or local time", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScheduleNext_ACronThatNeverFires_Exit2SayingSo()
    {
        var run = await DrainctlRun.RunAsync("schedule", "next", "--cron", "0 2 30 2 *", "--time-zone", "UTC", "--duration", "1h");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("'0 2 30 2 *' opens no window after", run.Error, StringComparison.Ordinal);
    }
}
