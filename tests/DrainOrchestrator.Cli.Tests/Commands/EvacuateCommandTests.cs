using DrainOrchestrator.Cli.Commands;
using DrainOrchestrator.Testing;

namespace DrainOrchestrator.Cli.Tests.Commands;

public sealed class EvacuateCommandTests
{
    [Theory]
    [InlineData("report")]
    [InlineData("cancel")]
    public async Task ReportOrCancel_AnUnknownEvacuation_Exit2NamingIt(string subcommand)
    {
        await using var db = await ScratchDatabase.CreateAsync();
        Assert.Equal(ExitCodes.Success, (await DrainctlRun.RunAsync("db", "migrate", "--db", db.ConnectionString)).ExitCode);

        var run = await DrainctlRun.RunAsync("evacuate", subcommand, "00000000-0000-0000-0000-000000000001", "--db", db.ConnectionString);

        Assert.True(run.ExitCode == ExitCodes.BadInput, run.Output + run.Error);
        Assert.Contains("error: evacuation 00000000-0000-0000-0000-000000000001 does not exist", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evacuate_AReportInAFolderThatDoesNotExist_RefusedBeforeAnythingMoves()
    {
        await using var db = await ScratchDatabase.CreateAsync();
        Assert.Equal(ExitCodes.Success, (await DrainctlRun.RunAsync("db", "migrate", "--db", db.ConnectionString)).ExitCode);
        var missing = Path.Combine(Path.GetTempPath(), "no-such-folder-" + Guid.NewGuid().ToString("N"));

        var run = await DrainctlRun.RunAsync("evacuate", "-n", "prod", "--to-namespace", "moved", "--vm", "api-1", "--report", Path.Combine(missing, "r.json"),
            "--db", db.ConnectionString);

        Assert.True(run.ExitCode == ExitCodes.BadInput, run.Output + run.Error);
        Assert.Contains($"--report: the folder '{missing}' does not exist", run.Error, StringComparison.Ordinal);
        Assert.Contains("Nothing was created.", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cancelled", "cancelled: 2 of 3 VM(s) moved (a, b)", ": 2 of 3 VM(s) moved (a, b)")]
    [InlineData("failed", "c: no target", ": c: no target")]
    [InlineData("succeeded", null, ".")]
    public void EndLine_TheStateSaidOnce(string state, string? error, string expectedTail)
    {
        var id = Guid.Parse("00000000-0000-0000-0000-000000000007");

        Assert.Equal($"Evacuation {id} {state}{expectedTail}", EvacuateCommand.EndLine(id, state, error));
    }
}
