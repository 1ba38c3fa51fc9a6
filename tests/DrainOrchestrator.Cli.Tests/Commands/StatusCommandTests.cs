using DrainOrchestrator.Persistence.Attempts;
using DrainOrchestrator.Persistence.Budget;
using DrainOrchestrator.Persistence.Drains;
using DrainOrchestrator.Persistence.Journal;
using DrainOrchestrator.Persistence.Waves;
using DrainOrchestrator.Testing;

namespace DrainOrchestrator.Cli.Tests.Commands;

public sealed class StatusCommandTests
{
    [Fact]
    public async Task Status_UnfinishedDrainsSharingACluster_ShowEachOnesBudget()
    {
        await using var db = await ScratchDatabase.CreateAsync();
        Assert.Equal(ExitCodes.Success, (await DrainctlRun.RunAsync("db", "migrate", "--db", db.ConnectionString)).ExitCode);
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());
        var drains = new DrainStore(db.DataSource, TimeProvider.System);
        await drains.CreateAsync(new NewDrain(a, "drain-a", "prod", ["a1"], "{}", "test"), CancellationToken.None);
        await drains.CreateAsync(new NewDrain(b, "drain-b", "prod", ["b1"], "{}", "test"), CancellationToken.None);
        await using (var connection = await db.DataSource.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await new WaveStore(db.DataSource, TimeProvider.System).RecordPlanAsync(transaction, a, "rolling", 5, [new PlannedWaveRow(1, 1)],
                CancellationToken.None);
            await new AttemptStore(db.DataSource, TimeProvider.System).InsertIntendedAsync(transaction,
                new NewAttempt(a, 1, 1, "vms", "vm-1", "uid-1", "a1", "t1", "drain-a-vm-1", PostCopy: false), CancellationToken.None);
            await transaction.CommitAsync();
        }

        var budget = new ClusterBudgetStore(db.DataSource, TimeProvider.System);
        await budget.PublishDemandAsync(new BudgetDemand("prod", a, 3, 1, 5), CancellationToken.None);
        await budget.PublishDemandAsync(new BudgetDemand("prod", b, 3, 1, 5), CancellationToken.None);

        var run = await DrainctlRun.RunAsync("status", "--db", db.ConnectionString);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("budget: holds 1 of share 2 (cluster limit 5, foreign 1)", run.Output, StringComparison.Ordinal);
        Assert.Contains("budget: holds 0 of share 2 (cluster limit 5, foreign 1)", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_ACancelNoEngineTookUpAndASuspendedDrain_TheRecordedStateShownAndNoEmptyBudget()
    {
        await using var db = await ScratchDatabase.CreateAsync();
        Assert.Equal(ExitCodes.Success, (await DrainctlRun.RunAsync("db", "migrate", "--db", db.ConnectionString)).ExitCode);
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());
        var drains = new DrainStore(db.DataSource, TimeProvider.System);
        await drains.CreateAsync(new NewDrain(a, "drain-a", "prod", ["a1"], "{}", "test"), CancellationToken.None);
        await drains.CreateAsync(new NewDrain(b, "drain-b", "prod", ["b1"], "{}", "test"), CancellationToken.None);
        var states = new DrainStateStore(db.DataSource, TimeProvider.System);
        await using (var connection = await db.DataSource.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await states.SetStateAsync(transaction, a, DrainState.Running, null, CancellationToken.None);
            await states.SetStateAsync(transaction, a, DrainState.Cancelling, null, CancellationToken.None);
            await states.SetStateAsync(transaction, b, DrainState.Running, null, CancellationToken.None);
            await states.SetStateAsync(transaction, b, DrainState.Suspended, "its window ended", CancellationToken.None);
            await transaction.CommitAsync();
        }

        var budget = new ClusterBudgetStore(db.DataSource, TimeProvider.System);
        await budget.PublishDemandAsync(new BudgetDemand("prod", b, 0, 0, 5), CancellationToken.None);

        var run = await DrainctlRun.RunAsync("status", "--db", db.ConnectionString);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("drain-a  interrupted (cancelling)  id", run.Output, StringComparison.Ordinal);
        Assert.Contains("drain-b  suspended  id", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("budget:", run.Output, StringComparison.Ordinal);
    }
}
