using DrainOrchestrator.Engine.Reports;
using DrainOrchestrator.Persistence.Drains;
using DrainOrchestrator.Persistence.Journal;
using DrainOrchestrator.Persistence.Journal.Events;
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
            [("ns/b", "skipped"), ("ns/c", "blocked"), ("ns/e", "skipped"), ("ns/a", "gave_up")],
            report.NotMoved.Select(u => (u.Vmi, u.Disposition)));
        Assert.Equal("LiveMigratable is False", report.NotMoved[0].Reason);
    }
}
