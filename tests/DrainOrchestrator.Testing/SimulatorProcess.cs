using System.Globalization;

namespace DrainOrchestrator.Testing;

/// <summary>
/// <c>drain-sim serve</c> as its own process on a free port, as the end-to-end tests and the benches run it: its first
/// cluster's APIs (<see cref="SimulatorApi"/>), the peer cluster's when launched with one, and the process's lifetime.
/// </summary>
public sealed class SimulatorProcess : SimulatorApi, IAsyncDisposable
{
    private readonly ChildProcess _process;
    private readonly SimulatorLaunch _launch;
    private readonly string _directory;

    private SimulatorProcess(ChildProcess process, SimulatorLaunch launch, string directory, SimulatorPeer? peer)
        : base(Path.Combine(directory, "kubeconfig"))
    {
        (_process, _launch, _directory, Peer) = (process, launch, directory, peer);
    }

    /// <summary>Where drain-sim writes its ground truth on exit, when <see cref="SimulatorLaunch.GroundTruthOnExit"/> is set.</summary>
    public string GroundTruthPath => Path.Combine(_directory, "ground-truth.json");

    /// <summary>The second cluster, when <see cref="SimulatorLaunch.PeerScenario"/> was given; null otherwise.</summary>
    public SimulatorPeer? Peer { get; }

    public int ProcessId => _process.Id;

    /// <summary>The speed it serves the cluster at: model seconds per wall-clock second.</summary>
    public double Speed => _launch.Speed;

    public string Output => _process.Output;

    /// <summary>Starts drain-sim and waits until it listens and has written its kubeconfig.</summary>
    public static async Task<SimulatorProcess> StartAsync(SimulatorLaunch launch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(launch);
        var directory = launch.Directory ?? Path.Combine(Path.GetTempPath(), "drain-sim-runs", Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(directory);
        var kubeconfig = Path.Combine(directory, "kubeconfig");
        List<string> arguments =
        [
            "serve", "--scenario", launch.Scenario, "--speed", launch.Speed.ToString(CultureInfo.InvariantCulture),
            "--kubeconfig-out", kubeconfig,
        ];
        if (launch.GroundTruthOnExit)
        {
            arguments.AddRange(["--ground-truth-out", Path.Combine(directory, "ground-truth.json")]);
        }

        var peerKubeconfig = Path.Combine(directory, "peer-kubeconfig");
        if (launch.PeerScenario is { } peerScenario)
        {
            arguments.AddRange(["--peer-scenario", peerScenario, "--peer-kubeconfig-out", peerKubeconfig]);
        }

        var process = ChildProcess.Start(launch.Program, [.. arguments, .. launch.Arguments]);
        try
        {
            await process.WaitForOutputAsync("drain-sim listening on", launch.StartupTimeout).WaitAsync(cancellationToken);
            if (launch.PeerScenario is not null)
            {
                await process.WaitForOutputAsync("drain-sim peer cluster listening on", launch.StartupTimeout).WaitAsync(cancellationToken);
            }

            var peer = launch.PeerScenario is null ? null : new SimulatorPeer(peerKubeconfig);
            return new SimulatorProcess(process, launch, directory, peer);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        DisposeClients();
        Peer?.Dispose();
        if (_launch.GroundTruthOnExit)
        {
            // SIGTERM, so drain-sim writes the ground truth before it exits.
            await _process.StopAsync(TimeSpan.FromSeconds(10));
        }

        await _process.DisposeAsync();
        if (_launch.Directory is null)
        {
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: it is a temporary folder.
            }
        }
    }
}
