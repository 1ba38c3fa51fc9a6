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

    [Fact]
    public async Task List_NoEvacuations_SaysSo()
    {
        await using var db = await ScratchDatabase.CreateAsync();
        Assert.Equal(ExitCodes.Success, (await DrainctlRun.RunAsync("db", "migrate", "--db", db.ConnectionString)).ExitCode);

        var run = await DrainctlRun.RunAsync("evacuate", "list", "--db", db.ConnectionString);

        Assert.True(run.ExitCode == ExitCodes.Success, run.Output + run.Error);
        Assert.Equal("No evacuations.", run.Output.Trim());
    }

    [Fact]
    public void ListLine_AnEvacuation_ItsIdStateNamespacesAndMovedCount()
    {
        var id = Guid.Parse("00000000-0000-0000-0000-000000000009");
        static Application.Evacuations.EvacuationVmView Vm(string name, string outcome) =>
            new(name, "prod", "https://a", "n1", "moved", "https://b", null, outcome, 1, 1, 1, 0, null, null, null);
        var view = new Application.Evacuations.EvacuationView(id, "cancelled", "prod", "https://a", "moved", "https://b", 3, false,
            new DateTimeOffset(2026, 12, 7, 22, 0, 0, TimeSpan.Zero), "alice/drainctl", null, null, [Vm("a", "succeeded"), Vm("b", "cancelled")]);

        Assert.Equal($"{id}  cancelled  prod@https://a -> moved@https://b  1/2 VM(s) moved  by alice/drainctl  created 2026-12-07 22:00:00Z",
            EvacuateCommand.ListLine(view));
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
