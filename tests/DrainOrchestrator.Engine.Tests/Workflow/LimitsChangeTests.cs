using DrainOrchestrator.Engine.Tests.Fakes;
using DrainOrchestrator.Persistence.Journal;
using DrainOrchestrator.Persistence.Journal.Events;
using DrainOrchestrator.Testing;

namespace DrainOrchestrator.Engine.Tests.Workflow;

public sealed class LimitsChangeTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private const int Lowered = 2;

    [Fact]
    public async Task RunAsync_ClusterLimitLoweredMidDrain_JournaledOnceAndNoStartAboveTheNewLimitOnceObserved()
    {
        var cluster = new FakeCluster();
        foreach (var node in new[] { "w1", "w2", "w3", "t1", "t2", "t3", "t4" })
        {
            cluster.AddNode(node);
        }

        foreach (var node in new[] { "w1", "w2", "w3" })
        {
            for (var i = 0; i < 4; i++)
            {
                cluster.AddVmi($"{node}-vm{i}", node);
            }
        }

        var harness = new DrainHarness(database.DataSource, cluster);
        var id = await harness.LaunchAsync(DrainHarness.FastPolicy(), "w1", "w2", "w3");
        var journal = new JournalStore(database.DataSource, TimeProvider.System);
        var afterObserved = new List<(string Vmim, int OthersInFlight)>();
        cluster.AfterCreate = async name =>
        {
            if (cluster.ClusterLimit != Lowered)
            {
                if (cluster.CreateCount >= 4)
                {
                    cluster.ClusterLimit = Lowered;
                }

                return;
            }

            // "Within one pass": once a pass has journaled the change, none of its starts or later ones may find the
            // new limit already reached by the other migrations in flight.
            if ((await journal.ReadAsync<ClusterLimitsChanged>(id, CancellationToken.None)).Count > 0)
            {
                var others = cluster.Current.Migrations.Count(m => m.Metadata.Name != name && m.Status!.Phase is not ("Succeeded" or "Failed"));
                afterObserved.Add((name, others));
            }
        };

        var result = await harness.RunAsync(id);

        Assert.True(result.Succeeded, result.Reason);
        var change = Assert.Single(await journal.ReadAsync<ClusterLimitsChanged>(id, CancellationToken.None));
        Assert.Equal(5, change.Old.ParallelMigrationsPerCluster);
        Assert.Equal(Lowered, change.New.ParallelMigrationsPerCluster);
        Assert.NotEmpty(afterObserved);
        Assert.All(afterObserved, s => Assert.True(s.OthersInFlight < Lowered, $"{s.Vmim} started with {s.OthersInFlight} others in flight"));
    }
}
