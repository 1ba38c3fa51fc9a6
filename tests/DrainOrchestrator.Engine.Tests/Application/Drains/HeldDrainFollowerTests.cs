using DrainOrchestrator.Application.Drains;
using DrainOrchestrator.Engine.Progress;
using DrainOrchestrator.Persistence.Drains;
using DrainOrchestrator.Persistence.Journal;
using DrainOrchestrator.Persistence.Journal.Events;
using DrainOrchestrator.Persistence.Leases;
using DrainOrchestrator.Testing;

namespace DrainOrchestrator.Engine.Tests.Application.Drains;

/// <summary>A drainctl attached to a drain another process holds shows that process's journaled progress until it lets go.</summary>
public sealed class HeldDrainFollowerTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    [Fact]
    public async Task FollowAsync_ADrainAnotherProcessHolds_ReportsItsProgressAsJournaledUntilItEnds()
    {
        var id = await DrainAsync();
        Assert.NotNull(await new LeaseStore(database.DataSource).TryAcquireAsync("drain/" + id.ToString("D"), "engine-b", TimeSpan.FromMinutes(5),
            CancellationToken.None));
        await JournalAsync(id, new ProgressReported([new NodeProgress("n1", 4, 1, 3, 1, 0, 0, 0, 0), new NodeProgress("n2", 2, 0, 2, 0, 0, 0, 0, 0)], false, 60));
        var reports = new List<DrainProgress>();
        var announced = 0;
        var progress = new Progress(reports);

        var following = Follower().FollowAsync(id, progress, () => announced++, CancellationToken.None);
        await UntilAsync(() => Locked(reports, r => r.Count >= 1));
        // Only n1 changed: the holder journals the nodes that did, and the follower keeps the others.
        await JournalAsync(id, new ProgressReported([new NodeProgress("n1", 4, 3, 1, 1, 0, 0, 0, 0)], false, 20, Changes: true));
        await UntilAsync(() => Locked(reports, r => r.Any(p => p.Nodes[0].Moved == 3)));
        Assert.False(following.IsCompleted);
        await EndAsync(id);
        await following.WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(1, announced);
        Assert.Equal(["n1", "n2"], reports[^1].Nodes.Select(n => n.Node));
        Assert.Equal((3, 0, TimeSpan.FromSeconds(20)), (reports[^1].Nodes[0].Moved, reports[^1].Nodes[1].Moved, reports[^1].EstimatedRemaining));
    }

    [Fact]
    public async Task FollowAsync_ADrainNoProcessHolds_ReturnsAtOnceSayingNothing()
    {
        var id = await DrainAsync();
        var reports = new List<DrainProgress>();
        var announced = 0;

        await Follower().FollowAsync(id, new Progress(reports), () => announced++, CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal((0, 0), (announced, reports.Count));
    }

    private HeldDrainFollower Follower() => new(new DrainStore(database.DataSource, TimeProvider.System),
        new JournalStore(database.DataSource, TimeProvider.System), TimeProvider.System, TimeSpan.FromMilliseconds(50));

    private async Task<Guid> DrainAsync()
    {
        var id = Guid.NewGuid();
        var name = "held-" + id.ToString("N")[..8];
        await new DrainStore(database.DataSource, TimeProvider.System).CreateAsync(
            new NewDrain(id, name, "cluster-1", [name + "-n1"], "{}", "ops@drainctl"), CancellationToken.None);
        return id;
    }

    private async Task JournalAsync(Guid id, JournalEvent journalEvent)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await new JournalStore(database.DataSource, TimeProvider.System).AppendAsync(transaction, id, journalEvent, "engine-b", null, CancellationToken.None);
        await transaction.CommitAsync();
    }

    private async Task EndAsync(Guid id)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await new DrainStateStore(database.DataSource, TimeProvider.System).SetStateAsync(transaction, id, DrainState.Succeeded, "done", CancellationToken.None);
        await transaction.CommitAsync();
    }

    private static bool Locked(List<DrainProgress> reports, Func<List<DrainProgress>, bool> test)
    {
        lock (reports)
        {
            return test(reports);
        }
    }

    // Waits (generous deadline: it only guards a hang) until the condition holds.
    private static async Task UntilAsync(Func<bool> condition)
    {
        var deadline = TimeProvider.System.GetUtcNow() + TimeSpan.FromMinutes(1);
        while (!condition())
        {
            Assert.True(TimeProvider.System.GetUtcNow() < deadline, "the follower reported nothing new within a minute");
            await Task.Delay(20);
        }
    }

    // Synchronous (unlike Progress<T>, which posts): reports land in order, under a lock the test reads them with.
    private sealed class Progress(List<DrainProgress> reports) : IProgress<DrainProgress>
    {
        public void Report(DrainProgress value)
        {
            lock (reports)
            {
                reports.Add(value);
            }
        }
    }
}
