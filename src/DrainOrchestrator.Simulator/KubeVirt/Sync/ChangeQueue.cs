using System.Threading.Channels;
using DrainOrchestrator.Simulator.Cluster;

namespace DrainOrchestrator.Simulator.KubeVirt.Sync;

/// <summary>
/// The model's change stream, queued: the model calls <see cref="OnNext"/> under its own lock, so this only enqueues
/// (never blocks, never touches the store); <see cref="ChangePump"/> reads the queue and writes the store in order.
/// </summary>
internal sealed class ChangeQueue : IObserver<ClusterChange>
{
    private readonly Channel<ClusterChange> _channel = Channel.CreateUnbounded<ClusterChange>(
        new UnboundedChannelOptions { SingleReader = true, SingleWriter = false, AllowSynchronousContinuations = false });

    public ChannelReader<ClusterChange> Reader => _channel.Reader;

    public void OnNext(ClusterChange value) => _channel.Writer.TryWrite(value);

    public void OnError(Exception error) => _channel.Writer.TryComplete(error);

    public void OnCompleted() => _channel.Writer.TryComplete();
}
