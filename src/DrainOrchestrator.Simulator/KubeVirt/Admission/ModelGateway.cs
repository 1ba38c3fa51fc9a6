using DrainOrchestrator.Simulator.Cluster;
using DrainOrchestrator.Simulator.KubeVirt.Rendering;

namespace DrainOrchestrator.Simulator.KubeVirt.Admission;

/// <summary>
/// How the write hook reaches the model: it first brings the model up to the clock's time, so an input lands at the
/// moment it arrives rather than at the driver's last tick. Called inside the store lock; takes the model lock.
/// </summary>
internal sealed class ModelGateway(SimulatedCluster cluster, TimeProvider clock, ClusterRenderer renderer)
{
    public ClusterRenderer Renderer => renderer;

    /// <summary>The model, advanced to now.</summary>
    public SimulatedCluster Now()
    {
        cluster.AdvanceTo(clock.GetUtcNow());
        return cluster;
    }

    /// <summary>The model as it is (for reads that need no catching up).</summary>
    public SimulatedCluster Cluster => cluster;
}
