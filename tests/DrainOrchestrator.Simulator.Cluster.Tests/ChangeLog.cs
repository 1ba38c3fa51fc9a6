
namespace DrainOrchestrator.Simulator.Cluster.Tests;

/// <summary>Records every change a cluster publishes.</summary>
internal sealed class ChangeLog : IObserver<ClusterChange>
{
    public List<ClusterChange> Changes { get; } = [];

    public void OnNext(ClusterChange value) => Changes.Add(value);

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public IEnumerable<T> Of<T>()
        where T : ClusterChange => Changes.OfType<T>();
}
