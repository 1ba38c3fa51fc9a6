namespace DrainOrchestrator.Cli.Tests.Commands;

public sealed class SnapshotCommandTests
{
    [Fact]
    public async Task Snapshot_IntoAFolderThatDoesNotExist_Exit2BeforeTheClusterIsRead()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-folder-" + Guid.NewGuid().ToString("N"));
        // No cluster is reachable through this kubeconfig: the refusal must come first.
        var kubeconfig = Path.Combine(Path.GetTempPath(), "no-such-kubeconfig-" + Guid.NewGuid().ToString("N"));

        var run = await DrainctlRun.RunAsync("snapshot", "--kubeconfig", kubeconfig, "--out", Path.Combine(missing, "x.yaml"));

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal($"error: --out: the folder '{missing}' does not exist; create it or name a file in an existing folder", run.Error.Trim());
    }
}
