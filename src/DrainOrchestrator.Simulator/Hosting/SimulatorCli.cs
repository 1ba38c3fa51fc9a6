using System.Runtime.InteropServices;
using DrainOrchestrator.Simulator.Seeding;

namespace DrainOrchestrator.Simulator.Hosting;

/// <summary>The <c>drain-sim</c> command line.</summary>
public static class SimulatorCli
{
    /// <summary>Runs a command; returns the process exit code.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (args.Count == 0 || args[0] != "serve")
        {
            await error.WriteLineAsync(ServeCommandLine.Usage.AsMemory(), cancellationToken);
            return args.Count > 0 && args[0] is "--help" or "-h" ? 0 : 2;
        }

        var (options, scenario, problems) = ServeCommandLine.Parse([.. args.Skip(1)]);
        var seeder = Scenarios.Resolve(scenario, options?.ModelSeed, out var scenarioProblem);
        if (options is null || seeder is null)
        {
            foreach (var problem in scenarioProblem is null ? problems : [.. problems, scenarioProblem])
            {
                await error.WriteLineAsync($"drain-sim: {problem}".AsMemory(), cancellationToken);
            }

            await error.WriteLineAsync(ServeCommandLine.Usage.AsMemory(), cancellationToken);
            return 2;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        await using var server = await SimulatorServer.StartAsync(options, seeder, stop.Token);
        var scenarioName = (seeder as KubeVirt.ScenarioSeeder)?.Scenario.Name ?? scenario;
        await output.WriteLineAsync($"drain-sim listening on {server.Url.GetLeftPart(UriPartial.Authority)} (scenario: {scenarioName}, speed: {options.Speed.ToString(System.Globalization.CultureInfo.InvariantCulture)}x, kubeconfig: {options.KubeconfigPath})".AsMemory(), CancellationToken.None);

        // Not cancellable: a stop that arrives right after start-up must still end in a clean stop below.
        await output.FlushAsync(CancellationToken.None);
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            await output.WriteLineAsync("drain-sim stopping".AsMemory(), CancellationToken.None);
        }

        if (options.GroundTruthPath is { } groundTruth)
        {
            await server.StopAsync(CancellationToken.None);
            await server.WriteGroundTruthAsync(groundTruth, CancellationToken.None);
            await output.WriteLineAsync($"drain-sim wrote the ground truth to {groundTruth}".AsMemory(), CancellationToken.None);
        }

        return 0;

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }
    }
}
