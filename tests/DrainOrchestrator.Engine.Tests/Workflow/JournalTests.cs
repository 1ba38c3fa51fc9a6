using DrainOrchestrator.Engine.Tests.Fakes;
using DrainOrchestrator.Persistence.Attempts;
using DrainOrchestrator.Persistence.Drains;
using DrainOrchestrator.Persistence.Journal;
using DrainOrchestrator.Persistence.Journal.Events;
using DrainOrchestrator.Testing;

namespace DrainOrchestrator.Engine.Tests.Workflow;

/// <summary>What a drain journals, read back through the catalogue.</summary>
public sealed class JournalTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    [Fact]
    public async Task RunAsync_OneNode_EveryEventOfTheCatalogueInTheOrderOfTheSteps()
    {
        var cluster = new FakeCluster().AddNode("w1").AddNode("w2").AddVmi("a", "w1");
        var harness = new DrainHarness(database.DataSource, cluster);
        var id = await harness.LaunchAsync(DrainHarness.FastPolicy(), "w1");

        var result = await harness.RunAsync(id);

        Assert.True(result.Succeeded, result.Reason);
        var events = (await new JournalStore(database.DataSource, TimeProvider.System).ReadAsync(id, CancellationToken.None))
            .Select(e => e.ReadEvent()).ToList();
        Assert.DoesNotContain(events, e => e is UnknownEvent);
        Assert.IsType<DrainStarted>(events[0]);
        Assert.Equal(["validate", "lock", "cordon", "plan", "migrate", "verify"], events.OfType<StepCompleted>().Select(s => s.Step));
        Assert.Equal(new NodeLocked("w1"), Assert.Single(events.OfType<NodeLocked>()));
        Assert.Equal(new NodeCordonIntended("w1", false), Assert.Single(events.OfType<NodeCordonIntended>()));
        var item = Assert.Single(events.OfType<PlanItem>());
        Assert.Equal(("vms", "a", "w1", "Migrate", 1), (item.Namespace, item.Name, item.Node, item.Disposition, item.Wave));
        var intended = Assert.Single(events.OfType<AttemptIntended>());
        Assert.Equal((AttemptKind.Migration, "w1", "w2", 1), (intended.AttemptKind, intended.Source, intended.Target, intended.Wave));
        Assert.Equal([AttemptOutcome.Created, AttemptOutcome.Succeeded],
            events.OfType<AttemptObserved>().Where(o => o.Outcome is not AttemptOutcome.Running).Select(o => o.Outcome));
        Assert.Contains(events.OfType<ProgressReported>(), p => p.Nodes.Single().Moved == 1);
        var end = Assert.IsType<DrainSucceeded>(events[^1]);
        Assert.Equal((DrainState.Succeeded, false), (end.State, end.Uncordoned));
    }

    [Fact]
    public async Task RunAsync_TwoNodes_ProgressJournalsEveryNodeFirstThenOnlyWhatChanged()
    {
        var cluster = new FakeCluster().AddNode("w1").AddNode("w2").AddNode("w3").AddNode("w4")
            .AddVmi("a", "w1").AddVmi("b", "w1").AddVmi("c", "w3");
        var harness = new DrainHarness(database.DataSource, cluster);
        var id = await harness.LaunchAsync(DrainHarness.FastPolicy(), "w1", "w3");

        var result = await harness.RunAsync(id);

        Assert.True(result.Succeeded, result.Reason);
        var progress = (await new JournalStore(database.DataSource, TimeProvider.System).ReadAsync(id, CancellationToken.None))
            .Select(e => e.ReadEvent()).OfType<ProgressReported>().ToList();
        Assert.True(progress.Count > 2, $"only {progress.Count} progress events");
        Assert.Null(progress[0].Changes);
        Assert.Equal(["w1", "w3"], progress[0].Nodes.Select(n => n.Node).Order(StringComparer.Ordinal));
        IReadOnlyList<NodeProgress> held = [];
        foreach (var reported in progress)
        {
            // After the first, an event holds exactly the nodes whose progress moved since the one before.
            if (reported != progress[0])
            {
                Assert.True(reported.Changes);
                Assert.All(reported.Nodes, n => Assert.DoesNotContain(n, held));
            }

            held = reported.Over(held);
        }

        Assert.Equal([("w1", 2), ("w3", 1)], held.Select(n => (n.Node, n.Moved)).OrderBy(n => n.Node, StringComparer.Ordinal));
        Assert.Contains(progress.Skip(1), p => p.Nodes.Count == 1);
    }
}
