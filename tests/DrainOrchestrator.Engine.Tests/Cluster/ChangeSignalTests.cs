using DrainOrchestrator.Engine.Cluster;
using DrainOrchestrator.Engine.Policy;

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

    [Fact]
    public void StoredPolicy_RoundTripAndValidation_ReportsEveryProblem()
    {
        var stored = new StoredPolicy { MaxParallelMigrations = 9, MaxOutboundPerNode = 0, WaveMode = "sideways" };
        var back = StoredPolicy.FromJson(stored.ToJson());

        var problems = back.ToPolicy().Validate(SnapshotMapper.MapConfig(null));

        Assert.Equal(stored, back);
        Assert.Equal(3, problems.Count);
    }
}
