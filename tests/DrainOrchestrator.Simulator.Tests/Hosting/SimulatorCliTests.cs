using DrainOrchestrator.Simulator.Hosting;
using DrainOrchestrator.Simulator.Tests.Support;

namespace DrainOrchestrator.Simulator.Tests.Hosting;

public sealed class SimulatorCliTests
{
    [Fact]
    public async Task Run_Serve_WritesKubeconfigAndStopsWhenCancelled()
    {
        var directory = Path.Combine(Path.GetTempPath(), "drain-sim-cli-" + Guid.NewGuid().ToString("N"));
        var kubeconfig = Path.Combine(directory, "kc");
        using var stop = new CancellationTokenSource();
        using var output = new StringWriter();
        using var error = new StringWriter();

        var run = SimulatorCli.RunAsync(["serve", "--scenario", "empty", "--kubeconfig-out", kubeconfig], output, error, stop.Token);
        await ServeRun.UntilWrittenAsync(kubeconfig, run);

        stop.Cancel();
        var exit = await run;

        Assert.Equal(0, exit);
        Assert.Contains("drain-sim listening on https://127.0.0.1:", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("certificate-authority-data:", await File.ReadAllTextAsync(kubeconfig), StringComparison.Ordinal);
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task Run_UnknownScenario_Exits2WithTheProblem()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await SimulatorCli.RunAsync(["serve", "--scenario", "nope", "--kubeconfig-out", "/tmp/x"], output, error, CancellationToken.None);

        Assert.Equal(2, exit);
        Assert.Contains("unknown scenario \"nope\"", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ServeHelp_DescribesEveryFlagAndExits0()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await SimulatorCli.RunAsync(["serve", "--help"], output, error, CancellationToken.None);

        Assert.Equal(0, exit);
        foreach (var flag in new[] { "--scenario", "--listen", "--seed", "--speed", "--fault", "--admission-cache-lag", "--event-retention", "--ground-truth-out", "--kubeconfig-out" })
        {
            Assert.Contains(flag, output.ToString(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("start")]
    public async Task Run_NoServeCommand_Exits2SayingWhereHelpIs(string line)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await SimulatorCli.RunAsync(line.Split(' ', StringSplitOptions.RemoveEmptyEntries), output, error, CancellationToken.None);

        Assert.Equal(2, exit);
        Assert.Contains("drain-sim serve --help", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ParserAndOptionProblems_Exits2WithEveryOne()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await SimulatorCli.RunAsync(["serve", "--speed", "0", "--seed", "x", "--scenario", "nope"], output, error, CancellationToken.None);

        Assert.Equal(2, exit);
        Assert.Contains("drain-sim: speed must be greater than 0", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("drain-sim: --seed must be an integer, was \"x\"", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("'--kubeconfig-out' is required", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("unknown scenario \"nope\"", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(output.ToString());
    }
}
