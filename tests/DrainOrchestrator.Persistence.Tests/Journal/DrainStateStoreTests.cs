using DrainOrchestrator.Persistence.Drains;
using DrainOrchestrator.Persistence.Journal;
using DrainOrchestrator.Testing;
using Microsoft.Extensions.Time.Testing;

namespace DrainOrchestrator.Persistence.Tests.Journal;

public sealed class DrainStateStoreTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private readonly FakeTimeProvider _clock = new();

    [Fact]
    public async Task Transitions_RecordNodeStateCountsAndRelease()
    {
        var drain = await DrainFixtures.CreateAsync(database.DataSource, _clock, "a", "b");
        var states = new DrainStateStore(database.DataSource, _clock);
        await using (var connection = await database.DataSource.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await states.SetStateAsync(transaction, drain.Id, DrainState.Running, null, CancellationToken.None);
            await DrainStateStore.SetNodeStateAsync(transaction, drain.Id, "a", DrainNodeState.Cordoned, wasUnschedulable: true, null, CancellationToken.None);
            await DrainStateStore.SetNodeStateAsync(transaction, drain.Id, "a", DrainNodeState.Draining, wasUnschedulable: false, null, CancellationToken.None);
            await DrainStateStore.SetNodeCountsAsync(transaction, drain.Id, "a", 4, 2, 1, 0, CancellationToken.None);
            await states.SetStateAsync(transaction, drain.Id, DrainState.Succeeded, "all moved", CancellationToken.None);
            await states.ReleaseNodesAsync(transaction, drain.Id, CancellationToken.None);
            await transaction.CommitAsync();
        }

        var found = (await new DrainStore(database.DataSource, _clock).FindAsync(drain.Name, CancellationToken.None))!;
        Assert.Equal(DrainState.Succeeded, found.State);
        Assert.NotNull(found.StartedAt);
        Assert.NotNull(found.FinishedAt);
        Assert.Equal("all moved", found.OutcomeReason);
        var a = found.Nodes.Single(n => n.NodeName == "a");
        Assert.True(a.WasUnschedulable);
        Assert.Equal((4, 2, 1), (a.VmisTotal!.Value, a.VmisMigrated, a.VmisSkipped));
        Assert.All(found.Nodes, n => Assert.NotNull(n.ReleasedAt));
        Assert.All(found.Nodes, n => Assert.Equal(DrainNodeState.Released, n.State));

        // Released nodes may be drained again.
        await new DrainStore(database.DataSource, _clock).CreateAsync(
            new NewDrain(Guid.NewGuid(), "again-" + drain.Name, drain.Cluster, ["a", "b"], "{}", null), CancellationToken.None);
    }

    // The engine's pending-to-running move after an operator's cancel came between its read and its write: the cancel
    // stands.
    [Fact]
    public async Task SetState_OnlyFromAStateTheDrainLeft_ChangesNothingAndSaysSo()
    {
        var drain = await DrainFixtures.CreateAsync(database.DataSource, _clock, "c");
        var states = new DrainStateStore(database.DataSource, _clock);
        var signals = new SignalStore(database.DataSource, states, new JournalStore(database.DataSource, _clock));
        Assert.True((await signals.SendAsync(drain.Id, DrainSignal.Cancel, "operator", CancellationToken.None)).Accepted);

        bool moved;
        await using (var connection = await database.DataSource.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            moved = await states.SetStateAsync(transaction, drain.Id, DrainState.Running, null, CancellationToken.None, onlyFrom: DrainState.Pending);
            await transaction.CommitAsync();
        }

        Assert.False(moved);
        Assert.Equal(DrainState.Cancelling, await states.ReadStateAsync(drain.Id, CancellationToken.None));

        await using (var connection = await database.DataSource.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            moved = await states.SetStateAsync(transaction, drain.Id, DrainState.Cancelled, "cancelled", CancellationToken.None,
                onlyFrom: DrainState.Cancelling);
            await transaction.CommitAsync();
        }

        Assert.True(moved);
        Assert.Equal(DrainState.Cancelled, await states.ReadStateAsync(drain.Id, CancellationToken.None));
    }
}
