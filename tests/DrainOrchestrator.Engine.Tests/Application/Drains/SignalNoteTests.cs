using DrainOrchestrator.Application;
using DrainOrchestrator.Application.Drains;
using DrainOrchestrator.Persistence.Drains;
using DrainOrchestrator.Persistence.Journal;
using DrainOrchestrator.Persistence.Leases;
using DrainOrchestrator.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace DrainOrchestrator.Engine.Tests.Application.Drains;

/// <summary>A signal to a drain no engine holds says that nothing acts on it until one takes the drain up.</summary>
public sealed class SignalNoteTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    [Fact]
    public async Task CancelAsync_AStartedDrainNoEngineHolds_AcceptedSayingTheCancelWaitsForAnEngine()
    {
        var name = await StartedDrainAsync();

        var outcome = await Application.SignalAsync(name, DrainSignal.Cancel, new Caller("ops", "drainctl"), CancellationToken.None);

        Assert.True(outcome.Accepted);
        Assert.Equal((DrainStatus.Interrupted, "cancelling"), (outcome.Drain.State, outcome.Drain.RecordedState));
        Assert.StartsWith("drain moved from running to cancelling; no engine holds the drain now", outcome.Message, StringComparison.Ordinal);
        Assert.Contains("the cancel takes effect when one takes it up", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CancelAsync_ADrainAnEngineHolds_SaysOnlyWhatMoved()
    {
        var name = await StartedDrainAsync();
        var id = (await Application.GetAsync(name, withVms: false, CancellationToken.None)).Id;
        Assert.NotNull(await new LeaseStore(database.DataSource).TryAcquireAsync("drain/" + id.ToString("D"), "engine-a", TimeSpan.FromMinutes(5),
            CancellationToken.None));

        var outcome = await Application.SignalAsync(name, DrainSignal.Cancel, new Caller("ops", "drainctl"), CancellationToken.None);

        Assert.Equal((true, "drain moved from running to cancelling"), (outcome.Accepted, outcome.Message));
    }

    private DrainApplication Application => new(database.DataSource, TimeProvider.System, NullLoggerFactory.Instance);

    // A drain recorded and started (running, with a start time) whose engine is gone: no lease names it.
    private async Task<string> StartedDrainAsync()
    {
        var id = Guid.NewGuid();
        var name = "drain-" + id.ToString("N")[..8];
        await new DrainStore(database.DataSource, TimeProvider.System).CreateAsync(
            new NewDrain(id, name, "cluster-1", [name + "-node"], "{}", "ops@drainctl"), CancellationToken.None);
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await new DrainStateStore(database.DataSource, TimeProvider.System).SetStateAsync(transaction, id, DrainState.Running, null, CancellationToken.None);
        await transaction.CommitAsync();
        return name;
    }
}
