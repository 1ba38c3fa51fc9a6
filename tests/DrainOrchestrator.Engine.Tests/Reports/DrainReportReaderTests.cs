using DrainOrchestrator.Engine.Reports;
using DrainOrchestrator.Persistence.Attempts;
using DrainOrchestrator.Persistence.Drains;
using DrainOrchestrator.Persistence.Journal;
using DrainOrchestrator.Persistence.Journal.Events;
using DrainOrchestrator.Persistence.Waves;
using DrainOrchestrator.Testing;

namespace DrainOrchestrator.Engine.Tests.Reports;

/// <summary>What a report lists as not moved, read from the journal as the engine writes it.</summary>
public sealed class DrainReportReaderTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    [Fact]
    public async Task ReadAsync_PlanItemsAndAGiveUp_NotMovedHoldsSkippedBlockedAndGivenUpInJournalOrder()
    {
        var id = Guid.NewGuid();
        var drain = await new DrainStore(database.DataSource, TimeProvider.System).CreateAsync(
            new NewDrain(id, $"report-{id:N}"[..20], "c-" + id.ToString("N")[..8], ["w1"], "{}", "test"), CancellationToken.None);
        var journal = new JournalStore(database.DataSource, TimeProvider.System);
        await using (var connection = await database.DataSource.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            foreach (var (name, disposition) in new[] { ("a", "Migrate"), ("b", "Skip"), ("c", "Block"), ("d", "Restart"), ("e", "Skip") })
            {
                var item = new PlanItem("uid-" + name, "ns", name, "w1", disposition, disposition == "Migrate" ? 1 : 0,
                    disposition == "Migrate" ? "None" : "NotLiveMigratable", disposition == "Migrate" ? null : "LiveMigratable is False", 60,
                    "PreCopy");
                await journal.AppendAsync(transaction, id, item, "test", 1, CancellationToken.None);
            }

            var givenUp = new VmiGivenUp("uid-a", "ns", "a", "w1", 3, "gave up after 3 attempts");
            await journal.AppendAsync(transaction, id, givenUp, "test", 1, CancellationToken.None);
            await transaction.CommitAsync();
        }

        var report = await DrainReportReader.ReadAsync(database.DataSource, drain, CancellationToken.None);

        Assert.Equal(
            [("ns/b", "skipped"), ("ns/c", "blocked"), ("ns/e", "skipped"), ("ns/a", "gave_up"), ("ns/d", "not_started")],
            report.NotMoved.Select(u => (u.Vmi, u.Disposition)));
        Assert.Equal("LiveMigratable is False", report.NotMoved[0].Reason);
        Assert.Equal("not started yet: the drain is pending", report.NotMoved[^1].Reason);
    }

    [Fact]
    public async Task ReadAsync_ACancelledDrain_ListsWhatItsLastPlanMovesAndNoAttemptStarted()
    {
        var id = Guid.NewGuid();
        var store = new DrainStore(database.DataSource, TimeProvider.System);
        await store.CreateAsync(new NewDrain(id, $"cancel-{id:N}"[..20], "c-" + id.ToString("N")[..8], ["w1"], "{}", "test"), CancellationToken.None);
        var journal = new JournalStore(database.DataSource, TimeProvider.System);
        await using (var connection = await database.DataSource.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            // A first plan moved "gone" (it left the node before the second plan); the second plans a, b and c.
            await journal.AppendAsync(transaction, id, Plan(), "test", 1, CancellationToken.None);
            await journal.AppendAsync(transaction, id, Item("gone"), "test", 1, CancellationToken.None);
            await journal.AppendAsync(transaction, id, Plan(), "test", 1, CancellationToken.None);
            foreach (var name in new[] { "a", "b", "c" })
            {
                await journal.AppendAsync(transaction, id, Item(name), "test", 1, CancellationToken.None);
            }

            await new WaveStore(database.DataSource, TimeProvider.System).RecordPlanAsync(transaction, id, "rolling", 5, [new PlannedWaveRow(1, 3)],
                CancellationToken.None);
            await new AttemptStore(database.DataSource, TimeProvider.System).InsertIntendedAsync(transaction,
                new NewAttempt(id, 1, 1, "ns", "a", "uid-a", "w1", "w2", "m-a-" + id.ToString("N")[..8], PostCopy: false), CancellationToken.None);
            await new DrainStateStore(database.DataSource, TimeProvider.System).SetStateAsync(transaction, id, DrainState.Cancelled, "cancelled by ops",
                CancellationToken.None);
            await transaction.CommitAsync();
        }

        var drain = (await store.FindAsync(id.ToString("D"), CancellationToken.None))!;
        var report = await DrainReportReader.ReadAsync(database.DataSource, drain, CancellationToken.None);

        Assert.Equal([("ns/b", "not_started"), ("ns/c", "not_started")], report.NotMoved.Select(u => (u.Vmi, u.Disposition)));
        Assert.All(report.NotMoved, u => Assert.Equal("no migration was started for it before the drain cancelled", u.Reason));

        static PlanCreated Plan() => new(1, 1, 0, 60, []);
        static PlanItem Item(string name) => new("uid-" + name, "ns", name, "w1", "Migrate", 1, "None", null, 60, "PreCopy");
    }
}
