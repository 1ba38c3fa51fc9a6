using System.CommandLine;
using System.CommandLine.Help;
using System.Runtime.InteropServices;
using DrainOrchestrator.Simulator.KubeVirt;
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
        var serve = new ServeCommandLine();
        var root = new RootCommand("drain-sim: a simulated KubeVirt cluster serving the Kubernetes API over HTTPS.") { serve.Command };
        var parsed = root.Parse([.. args]);
        var isServe = parsed.CommandResult.Command == serve.Command;
        if (parsed.Errors.Count == 0 && (parsed.Action is HelpAction || !isServe))
        {
            // --help, or --version: the only things the root does without a command.
            return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken);
        }

        var (options, scenario, problems) = isServe
            ? serve.Bind(parsed)
            : ((SimulatorServerOptions?)null, string.Empty, (IReadOnlyList<string>)[.. parsed.Errors.Select(e => e.Message)]);
        string? scenarioProblem = null;
        var seeder = isServe ? Scenarios.Resolve(scenario, options?.ModelSeed, out scenarioProblem) : null;
        ScenarioSeeder? peerSeeder = null;
        if (options?.Peer is { } peer && seeder is not null)
        {
            var linked = PeerClusters.Link(seeder, peer.Scenario, options.ModelSeed, out scenarioProblem);
            seeder = linked?.First;
            peerSeeder = linked?.Second;
        }

        if (options is null || seeder is null)
        {
            // Bad input: every problem, then where the flags are explained; exit 2, and nothing was started.
            foreach (var problem in scenarioProblem is null ? problems : [.. problems, scenarioProblem])
            {
                await error.WriteLineAsync($"drain-sim: {problem}".AsMemory(), cancellationToken);
            }

            await error.WriteLineAsync("drain-sim: see drain-sim serve --help".AsMemory(), cancellationToken);
            return 2;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        await using var server = await SimulatorServer.StartAsync(options, seeder, stop.Token);
        var scenarioName = (seeder as ScenarioSeeder)?.Scenario.Name ?? scenario;
        await output.WriteLineAsync($"drain-sim listening on {server.Url.GetLeftPart(UriPartial.Authority)} (scenario: {scenarioName}, speed: {options.Speed.ToString(System.Globalization.CultureInfo.InvariantCulture)}x, kubeconfig: {options.KubeconfigPath})".AsMemory(), CancellationToken.None);
        var peerOptions = options.Peer is { } peerCluster ? PeerClusters.ForPeer(options, peerCluster) : null;
        await using var peerServer = peerSeeder is null || peerOptions is null ? null : await SimulatorServer.StartAsync(peerOptions, peerSeeder, stop.Token);
        if (peerServer is not null)
        {
            await output.WriteLineAsync($"drain-sim peer cluster listening on {peerServer.Url.GetLeftPart(UriPartial.Authority)} (cluster: {peerSeeder!.Scenario.Name}, synchronization controller {peerServer.Model!.Cluster.SynchronizationAddress}; first cluster's {server.Model!.Cluster.SynchronizationAddress}; kubeconfig: {peerOptions!.KubeconfigPath})".AsMemory(), CancellationToken.None);
        }

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

        if (peerServer is not null && peerOptions?.GroundTruthPath is { } peerGroundTruth)
        {
            await peerServer.StopAsync(CancellationToken.None);
            await peerServer.WriteGroundTruthAsync(peerGroundTruth, CancellationToken.None);
            await output.WriteLineAsync($"drain-sim wrote the peer cluster's ground truth to {peerGroundTruth}".AsMemory(), CancellationToken.None);
        }

        return 0;

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }
    }
}
