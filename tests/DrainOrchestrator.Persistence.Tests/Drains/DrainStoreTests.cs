using DrainOrchestrator.Persistence.Drains;
using DrainOrchestrator.Testing;
using Microsoft.Extensions.Time.Testing;

namespace DrainOrchestrator.Persistence.Tests.Drains;

public sealed class DrainStoreTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private readonly FakeTimeProvider _clock = new();

    private DrainStore Store() => new(database.DataSource, _clock);

    private static NewDrain Drain(string cluster, params string[] nodes)
    {
        var id = Guid.NewGuid();
        return new NewDrain(id, $"drain-{id:N}"[..20], cluster, nodes, """{"maxParallelMigrations":5}""", "operator@example");
    }

    [Fact]
    public async Task CreateAsync_NewDrain_RecordedPendingWithNodes()
    {
        var drain = Drain("prod", "worker-1", "worker-2");

        var recorded = await Store().CreateAsync(drain, CancellationToken.None);

        Assert.Equal(DrainState.Pending, recorded.State);
        Assert.Equal(["worker-1", "worker-2"], recorded.Nodes.Select(n => n.NodeName));
        Assert.Equal(_clock.GetUtcNow(), recorded.CreatedAt);
        Assert.Contains("maxParallelMigrations", recorded.PolicyJson, StringComparison.Ordinal);
        var found = await Store().FindAsync(drain.Name, CancellationToken.None);
        Assert.Equal(recorded with { Nodes = [] }, found! with { Nodes = [] });
        Assert.Equal(recorded.Nodes, found.Nodes);
    }

    [Fact]
    public async Task CreateAsync_TargetPreference_KeptWithTheDrain()
    {
        var drain = Drain("prod", "worker-b1") with { AvoidTargets = ["worker-c1", "worker-d1"], PreferTargets = ["worker-a1"] };

        await Store().CreateAsync(drain, CancellationToken.None);

        var found = await Store().FindAsync(drain.Name, CancellationToken.None);
        Assert.Equal(["worker-c1", "worker-d1"], found!.AvoidTargets);
        Assert.Equal(["worker-a1"], found.PreferTargets);
        var plain = await Store().CreateAsync(Drain("prod", "worker-x"), CancellationToken.None);
        Assert.Empty(plain.AvoidTargets);
        Assert.Empty(plain.PreferTargets);
    }

    [Fact]
    public async Task CreateAsync_NodesInActiveDrain_ListsEveryConflictAndRecordsNothing()
    {
        var cluster = "c-" + Guid.NewGuid().ToString("N")[..8];
        var first = await Store().CreateAsync(Drain(cluster, "a", "b"), CancellationToken.None);
        var second = Drain(cluster, "a", "b", "c");

        var ex = await Assert.ThrowsAsync<NodesAlreadyDrainingException>(() => Store().CreateAsync(second, CancellationToken.None));

        Assert.Equal(["a", "b"], ex.Conflicts.Select(c => c.NodeName));
        Assert.All(ex.Conflicts, c => Assert.Equal(first.Name, c.DrainName));
        Assert.Contains(first.Name, ex.Message, StringComparison.Ordinal);
        Assert.Null(await Store().FindAsync(second.Name, CancellationToken.None));
    }

    [Fact]
    public async Task CreateAsync_ConcurrentDrainsOfSameNode_ExactlyOneRecorded()
    {
        var cluster = "c-" + Guid.NewGuid().ToString("N")[..8];
        var drains = Enumerable.Range(0, 6).Select(_ => Drain(cluster, "shared-node")).ToList();

        var outcomes = await Task.WhenAll(drains.Select(d => Task.Run(async () =>
        {
            try
            {
                await Store().CreateAsync(d, CancellationToken.None);
                return true;
            }
            catch (NodesAlreadyDrainingException)
            {
                return false;
            }
        })));

        Assert.Equal(1, outcomes.Count(o => o));
    }

    [Fact]
    public async Task CreateAsync_InvalidDrain_ReportsEveryProblem()
    {
        var bad = new NewDrain(Guid.NewGuid(), " ", "", ["n1", "n1", ""], "{}", null);

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => Store().CreateAsync(bad, CancellationToken.None));

        Assert.Contains("name", ex.Message, StringComparison.Ordinal);
        Assert.Contains("cluster", ex.Message, StringComparison.Ordinal);
        Assert.Contains("more than once: n1", ex.Message, StringComparison.Ordinal);
        Assert.Contains("empty", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAsync_ActiveOnly_ReturnsUnfinishedDrains()
    {
        var cluster = "c-" + Guid.NewGuid().ToString("N")[..8];
        var drain = await Store().CreateAsync(Drain(cluster, "x", "y"), CancellationToken.None);
        var other = await Store().CreateAsync(Drain(cluster, "z"), CancellationToken.None);

        var active = await Store().ListAsync(activeOnly: true, CancellationToken.None);

        Assert.Contains(active, d => d.Id == drain.Id);
        Assert.Equal(["x", "y"], active.Single(d => d.Id == drain.Id).Nodes.Select(n => n.NodeName));
        Assert.Equal(["z"], active.Single(d => d.Id == other.Id).Nodes.Select(n => n.NodeName));
    }
}
