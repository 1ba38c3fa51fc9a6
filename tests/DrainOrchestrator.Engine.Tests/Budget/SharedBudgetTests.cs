using System.Diagnostics.Metrics;
using DrainOrchestrator.Engine.Budget;
using DrainOrchestrator.Engine.Cluster;
using DrainOrchestrator.Engine.Tests.Fakes;
using DrainOrchestrator.Engine.Tests.Workflow;
using DrainOrchestrator.Kubernetes.Models;
using DrainOrchestrator.Persistence.Attempts;
using DrainOrchestrator.Persistence.Journal;
using DrainOrchestrator.Persistence.Journal.Events;
using DrainOrchestrator.Testing;

namespace DrainOrchestrator.Engine.Tests.Budget;

/// <summary>Two drains of one cluster in one process, against one fake cluster whose KubeVirt limit is 5.</summary>
public sealed class SharedBudgetTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private static readonly string[] NodesOfA = ["a1", "a2", "a3"];
    private static readonly string[] NodesOfB = ["b1", "b2", "b3"];

    // Guards hangs only: every wait below is for an event.
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    private static FakeCluster Cluster()
    {
        var cluster = new FakeCluster();
        foreach (var node in NodesOfA.Concat(NodesOfB).Concat(["t1", "t2", "t3", "t4", "t5"]))
        {
            cluster.AddNode(node);
        }

        foreach (var node in NodesOfA.Concat(NodesOfB))
        {
            // Four kinds of guest per node (a label tells them apart): with nothing known of a kind, its siblings on a node
            // wait for the first to end (the engine's SiblingWaits), and these tests need a node's slots filled at once.
            for (var i = 0; i < 4; i++)
            {
                cluster.AddVmi($"{node}-vm{i}", node, labels: new() { ["tier"] = $"tier-{i}" });
            }
        }

        return cluster.AddVmi("outsider", "t5");
    }

    private static Func<VirtualMachineInstanceMigration, bool> OfDrain(Guid id) =>
        m => m.Metadata.Labels?.GetValueOrDefault(NodeLeaseNames.DrainLabel) == id.ToString("D");

    private DrainRunner Runner(FakeCluster cluster, IClusterView view, string holder, RecordingLogger? logger = null) =>
        new(database.DataSource, view, cluster, DrainHarness.Options(holder), TimeProvider.System, logger ?? new RecordingLogger());

    // Steps the cluster until every run returns.
    private static async Task<DrainResult[]> DriveAsync(FakeCluster cluster, CancellationToken cancellationToken, params Task<DrainResult>[] runs)
    {
        var all = Task.WhenAll(runs);
        while (!all.IsCompleted)
        {
            cluster.Step();
            await Task.WhenAny(all, Task.Delay(10, cancellationToken));
        }

        return await all;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task RunAsync_TwoDrainsOneCluster_NeverMoreThanTheLimitInFlightAndBothFinish(bool bDoesNotSeeAsVmims)
    {
        var cluster = Cluster();
        var harness = new DrainHarness(database.DataSource, cluster);
        var a = await harness.LaunchAsync(DrainHarness.FastPolicy(), NodesOfA);
        var b = await harness.LaunchAsync(DrainHarness.FastPolicy(), NodesOfB);
        IClusterView viewOfB = bDoesNotSeeAsVmims ? new HidingView(cluster, OfDrain(a)) : cluster;
        using var deadline = new CancellationTokenSource(Deadline);

        var results = await DriveAsync(cluster, deadline.Token,
            Runner(cluster, cluster, "engine-a").RunAsync(a, null, deadline.Token),
            Runner(cluster, viewOfB, "engine-b").RunAsync(b, null, deadline.Token));

        Assert.All(results, r => Assert.True(r.Succeeded, r.Reason));
        Assert.InRange(cluster.MaxInFlight, 1, 5);
        Assert.All(cluster.CreatesByName.Values, count => Assert.Equal(1, count));
        foreach (var (id, nodes) in new[] { (a, NodesOfA), (b, NodesOfB) })
        {
            var attempts = await new AttemptStore(database.DataSource, TimeProvider.System).ListAsync(id, CancellationToken.None);
            Assert.Equal(12, attempts.Count);
            Assert.All(attempts, at => Assert.Equal(AttemptOutcome.Succeeded, at.Outcome));
            Assert.All(nodes, n => Assert.Empty(cluster.VmisOn(n)));
        }
    }

    [Fact]
    public async Task RunAsync_AnotherDrainsRestartOfAMemberInFlight_ThisDrainsRestartWaits()
    {
        // Two non-migratable members of "at most one down" on nodes drained by two drains under the shutdown policy; the
        // VM controller is slow to start the first one again (its VMI stays deleted).
        var cluster = new FakeCluster().AddNode("a1").AddNode("b1").AddNode("t1").AddVm("db-0", "a1").AddVm("db-1", "b1");
        cluster.StartsDeletedVmis = false;
        var policy = DrainHarness.FastPolicy("shutdown") with
        {
            Budgets = [new Core.Budgets.ApplicationBudget("db-down", Core.Budgets.LabelSelector.Everything, Core.Budgets.BudgetLimitKind.MaxUnavailable, 1)],
        };
        var harness = new DrainHarness(database.DataSource, cluster);
        var a = await harness.LaunchAsync(policy, "a1");
        var b = await harness.LaunchAsync(policy, "b1");
        using var deadline = new CancellationTokenSource(Deadline);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token);
        var runA = Runner(cluster, cluster, "engine-a").RunAsync(a, null, stop.Token);
        while (!cluster.DeletedVmis.Any(d => d.Name == "db-0"))
        {
            cluster.Step();
            await Task.Delay(10, deadline.Token);
        }

        var logB = new RecordingLogger();
        var runB = Runner(cluster, cluster, "engine-b", logB).RunAsync(b, null, stop.Token);
        var refused = logB.WhenLoggedAsync(3071, deadline.Token);
        while (!refused.IsCompleted)
        {
            cluster.Step();
            await Task.WhenAny(refused, Task.Delay(10, deadline.Token));
        }

        await refused;
        Assert.DoesNotContain(cluster.DeletedVmis, d => d.Name == "db-1");
        await stop.CancelAsync();
        foreach (var run in new[] { runA, runB })
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("kubevirt.io/evacuationMigration")]
    public async Task RunAsync_ForeignVmimAndOtherDrainFillTheCluster_StartRefusedWithNothingJournaledThenBothFinish(string? annotation)
    {
        var cluster = Cluster().AddForeignMigration("kubevirt-evacuation-x1", "outsider",
            annotation is null ? null : new() { [annotation] = "t5" });
        var harness = new DrainHarness(database.DataSource, cluster);
        var a = await harness.LaunchAsync(DrainHarness.FastPolicy(), NodesOfA);
        var b = await harness.LaunchAsync(DrainHarness.FastPolicy(), NodesOfB);
        var loggerOfB = new RecordingLogger();
        using var deadline = new CancellationTokenSource(Deadline);
        using var refusals = new RefusalListener(harness.Cluster);

        // A fills the 4 slots the foreign VMIM leaves; nothing advances until the cluster is stepped.
        var runOfA = Runner(cluster, cluster, "engine-a").RunAsync(a, null, deadline.Token);
        for (var seen = cluster.Version; cluster.CreateCount < 4; seen = cluster.Version)
        {
            await Task.WhenAny(runOfA, cluster.WhenChangedAsync(seen, deadline.Token));
            Assert.False(runOfA.IsCompleted);
        }

        // B's informer has not seen A's VMIMs: only the durable budget knows the cluster is full. B's first pass proposes
        // starts; wait until it has decided and acted (3051), so anything it wrongly started would show.
        var runOfB = Runner(cluster, new HidingView(cluster, OfDrain(a)), "engine-b", loggerOfB).RunAsync(b, null, deadline.Token);
        await Task.WhenAny(runOfB, loggerOfB.WhenLoggedAsync(3051, deadline.Token));

        Assert.False(runOfB.IsCompleted);
        Assert.Equal(5, cluster.MaxInFlight);
        Assert.DoesNotContain(cluster.Current.Migrations, m => OfDrain(b)(m));
        Assert.Empty(await new JournalStore(database.DataSource, TimeProvider.System).ReadAsync<AttemptIntended>(b, CancellationToken.None));
        Assert.Empty(await new AttemptStore(database.DataSource, TimeProvider.System).ListAsync(b, CancellationToken.None));
        Assert.Contains(loggerOfB.Entries, e => e.EventId == 3070 && e.Message.Contains("ClusterLimit", StringComparison.Ordinal)
            && e.Message.Contains("(1 foreign)", StringComparison.Ordinal));
        Assert.True(refusals.Count > 0);

        cluster.FinishForeign("kubevirt-evacuation-x1");
        var results = await DriveAsync(cluster, deadline.Token, runOfA, runOfB);

        Assert.All(results, r => Assert.True(r.Succeeded, r.Reason));
        Assert.Equal(5, cluster.MaxInFlight);
        Assert.All(cluster.CreatesByName.Values, count => Assert.Equal(1, count));
    }

    [Fact]
    public async Task RunAsync_AnotherDrainHoldsNodesNotYetCordoned_NeverTargetsThem()
    {
        // b1 is the roomiest node, so the scheduler would pick it first if it did not know another drain is to empty it.
        var cluster = new FakeCluster().AddNode("a1").AddNode("b1", memoryGi: 512).AddNode("t1");
        for (var i = 0; i < 6; i++)
        {
            cluster.AddVmi($"a1-vm{i}", "a1");
        }

        var harness = new DrainHarness(database.DataSource, cluster);
        var a = await harness.LaunchAsync(DrainHarness.FastPolicy(), "a1");
        await harness.LaunchAsync(DrainHarness.FastPolicy(), "b1");

        var result = await harness.RunAsync(a);

        Assert.True(result.Succeeded, result.Reason);
        Assert.False(cluster.IsUnschedulable("b1"));
        Assert.Empty(cluster.VmisOn("b1"));
        var attempts = await new AttemptStore(database.DataSource, TimeProvider.System).ListAsync(a, CancellationToken.None);
        Assert.All(attempts, at => Assert.Equal("t1", at.TargetNode));
    }

    /// <summary>Counts the budget's refusals of one cluster from its metric.</summary>
    private sealed class RefusalListener : IDisposable
    {
        private readonly MeterListener _listener = new();
        private int _count;

        public RefusalListener(string cluster)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == BudgetMetrics.MeterName && instrument.Name == BudgetMetrics.RefusalsName)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            {
                foreach (var tag in tags)
                {
                    if (tag.Key == "cluster" && (string?)tag.Value == cluster)
                    {
                        Interlocked.Add(ref _count, (int)value);
                    }
                }
            });
            _listener.Start();
        }

        public int Count => Volatile.Read(ref _count);

        public void Dispose() => _listener.Dispose();
    }
}
