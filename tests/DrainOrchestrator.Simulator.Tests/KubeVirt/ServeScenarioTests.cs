using System.Text.Json.Nodes;
using DrainOrchestrator.Simulator.Hosting;
using DrainOrchestrator.Simulator.KubeVirt;
using DrainOrchestrator.Simulator.Seeding;
using DrainOrchestrator.Simulator.Tests.Support;

namespace DrainOrchestrator.Simulator.Tests.KubeVirt;

public sealed class ServeScenarioTests
{
    [Fact]
    public void Parse_SpeedAndGroundTruth_SetTheOptions()
    {
        var (options, scenario, problems) = ServeCommandLine.Parse(
            ["--scenario", "demo", "--speed", "60", "--seed", "5", "--ground-truth-out", "/tmp/gt.json", "--kubeconfig-out", "/tmp/kc"]);

        Assert.Empty(problems);
        Assert.Equal("demo", scenario);
        Assert.Equal((60d, 5, "/tmp/gt.json"), (options!.Speed, options.ModelSeed!.Value, options.GroundTruthPath));
    }

    [Fact]
    public void Parse_BadSpeed_ReportsIt()
    {
        var (options, _, problems) = ServeCommandLine.Parse(["--speed", "0", "--kubeconfig-out", "/tmp/kc"]);

        Assert.Null(options);
        Assert.Contains(problems, p => p.Contains("speed must be greater than 0", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("small")]
    [InlineData("demo")]
    [InlineData("generated:nodes=3,vms=5,seed=2")]
    public void Resolve_ClusterScenario_GivesAModelSeeder(string scenario)
    {
        Assert.IsType<ScenarioSeeder>(Scenarios.Resolve(scenario, null, out var problem));
        Assert.Null(problem);
    }

    [Fact]
    public async Task Resolve_InvalidScenarioFile_NamesFileAndLine()
    {
        var path = Path.Combine(Path.GetTempPath(), $"drain-sim-bad-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(path, "name: bad\nnodes:\n  - name: n1\n    memory: lots\n");
        try
        {
            Assert.Null(Scenarios.Resolve(path, null, out var problem));
            Assert.Contains($"{path}:4", problem, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Run_WithGroundTruthOut_WritesItOnExit()
    {
        var directory = Path.Combine(Path.GetTempPath(), "drain-sim-cli-" + Guid.NewGuid().ToString("N"));
        var kubeconfig = Path.Combine(directory, "kc");
        var groundTruth = Path.Combine(directory, "truth.json");
        using var stop = new CancellationTokenSource();
        using var output = new StringWriter();
        using var error = new StringWriter();

        var run = SimulatorCli.RunAsync(
            ["serve", "--scenario", "small", "--speed", "50", "--kubeconfig-out", kubeconfig, "--ground-truth-out", groundTruth],
            output, error, stop.Token);
        await ServeRun.UntilWrittenAsync(kubeconfig, run);

        stop.Cancel();
        var exit = await run;

        Assert.Equal(0, exit);
        Assert.Contains("scenario: small, speed: 50x", output.ToString(), StringComparison.Ordinal);
        var truth = JsonNode.Parse(await File.ReadAllTextAsync(groundTruth))!;
        Assert.Equal("small", truth["scenario"]!.GetValue<string>());
        Assert.NotNull(truth["requests"]);
        Directory.Delete(directory, recursive: true);
    }
}
