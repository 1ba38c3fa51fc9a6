using DrainOrchestrator.EndToEnd.Tests.Support;
using Xunit.Abstractions;

namespace DrainOrchestrator.EndToEnd.Tests.Evacuations;

/// <summary>
/// An evacuation as a workflow step: <c>drainctl workflow run</c> of a one-step <c>evacuate</c> workflow on drain-sim's
/// evacuation scenario, judged from the simulator's ground truth and the workflow's journal.
/// </summary>
public sealed class EvacuationWorkflowTests(PostgresDatabaseFixture database, ITestOutputHelper log) : IClassFixture<PostgresDatabaseFixture>
{
    private const double Speed = 25;

    [Fact]
    public async Task WorkflowRun_OneEvacuateStep_EachVmOnceInTheTargetAndTheStartJournaled()
    {
        await using var sim = await SimulatorProcess.StartAsync("evacuation.yaml", Speed);
        await EvacuationSim.SetGateAsync(sim, on: true);
        var directory = Path.Combine(Path.GetTempPath(), "drain-e2e-workflows", Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, "move-apps.yaml");
        await File.WriteAllTextAsync(file, $"""
            apiVersion: drain-orchestrator.io/v1
            kind: Workflow
            metadata: {"{"}name: move-apps{"}"}
            steps:
              - id: move
                kind: evacuate
                fromNamespace: {EvacuationSim.Source}
                toNamespace: {EvacuationSim.Target}
                selector: app=web
                maxAttempts: 3
            """);
        var name = "move-apps-" + Guid.NewGuid().ToString("N")[..6];

        var (code, output) = await Drainctl.RunAsync("workflow", "run", file, "--name", name, "--kubeconfig", sim.KubeconfigPath,
            "--db", database.ConnectionString);
        log.WriteLine(output);

        Assert.True(code == 0, output);
        EvacuationSim.AssertMovedOnce(await sim.GroundTruthDocumentAsync(), 10);
        var journal = await Drainctl.RunAsync("workflow", "journal", name, "--db", database.ConnectionString);
        log.WriteLine(journal.Output);
        Assert.True(journal.ExitCode == 0, journal.Output);
        Assert.Contains("workflow.evacuation.started", journal.Output, StringComparison.Ordinal);
        Assert.Contains("workflow.step.succeeded", journal.Output, StringComparison.Ordinal);
        Directory.Delete(directory, recursive: true);
    }
}
