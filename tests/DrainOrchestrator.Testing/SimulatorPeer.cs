namespace DrainOrchestrator.Testing;

/// <summary>
/// The second cluster of a two-cluster <c>drain-sim serve --peer-scenario</c> (<see cref="SimulatorProcess.Peer"/>): its own
/// port, kubeconfig (<c>--peer-kubeconfig-out</c>), Kubernetes API and admin API (its own ground truth); the process and
/// its lifetime stay the first's.
/// </summary>
public sealed class SimulatorPeer : SimulatorApi, IDisposable
{
    internal SimulatorPeer(string kubeconfigPath)
        : base(kubeconfigPath)
    {
    }

    /// <summary>Disposes its clients; the process is the first cluster's (<see cref="SimulatorProcess"/>) to stop.</summary>
    public void Dispose() => DisposeClients();
}
