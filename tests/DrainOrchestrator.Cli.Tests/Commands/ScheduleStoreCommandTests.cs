using DrainOrchestrator.Testing;

namespace DrainOrchestrator.Cli.Tests.Commands;

public sealed class ScheduleStoreCommandTests
{
    [Fact]
    public async Task List_NoSchedules_SaysSoAndHowToStoreOne()
    {
        await using var db = await ScratchDatabase.CreateAsync();
        Assert.Equal(ExitCodes.Success, (await DrainctlRun.RunAsync("db", "migrate", "--db", db.ConnectionString)).ExitCode);

        var run = await DrainctlRun.RunAsync("schedule", "list", "--db", db.ConnectionString);

        Assert.True(run.ExitCode == ExitCodes.Success, run.Error);
        Assert.Equal("No schedules. 'drainctl schedule create NAME --workflow FILE.yaml' stores one.", run.Output.Trim());
    }
}
