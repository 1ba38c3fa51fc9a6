using DrainOrchestrator.Engine.Cluster;

namespace DrainOrchestrator.Engine.Tests.Cluster;

public sealed class ChangeSignalTests
{
    [Fact]
    public async Task WhenChangedAsync_AfterBump_Completes()
    {
        var signal = new ChangeSignal();
        var seen = signal.Version;
        var waiting = signal.WhenChangedAsync(seen, CancellationToken.None);
        Assert.False(waiting.IsCompleted);

        signal.Bump();

        await waiting;
        Assert.True(signal.WhenChangedAsync(seen, CancellationToken.None).IsCompleted);
    }
}
