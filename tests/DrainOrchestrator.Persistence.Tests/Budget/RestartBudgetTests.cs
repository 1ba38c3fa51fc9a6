using DrainOrchestrator.Persistence.Attempts;
using DrainOrchestrator.Persistence.Budget;
using DrainOrchestrator.Testing;
using Microsoft.Extensions.Time.Testing;

namespace DrainOrchestrator.Persistence.Tests.Budget;

/// <summary>
/// Restarts (the shutdown policy) in an unavailability budget shared by drains: a restart in flight of any unfinished
/// drain counts as a member down, for the migrations' reservation and for the next restart's own check.
/// </summary>
public sealed class RestartBudgetTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private readonly FakeTimeProvider _clock = new();

    // "At most one down": the scene's VMIs are all members (their VMIs, named vm-<vmim>, are in namespace vms).
    private static BudgetSlotRequest Unavailable(int limit = 1) =>
        new("db", limit, 0, (_, _) => true) { IsRestartMember = (ns, _) => ns == "vms" };

    [Fact]
    public async Task DecideRestartAsync_AnotherDrainsRestartInFlight_RefusedUntilItEnds()
    {
        var scene = new BudgetScene(database.DataSource, _clock);
        var a = await scene.DrainAsync();
        var restart = await scene.HoldAsync(a, "n1", AttemptOutcome.Created, AttemptKind.Restart);

        Assert.Equal("db", await DecideRestartAsync(scene, [Unavailable()]));
        Assert.Null(await DecideRestartAsync(scene, [Unavailable(limit: 2)]));
        Assert.Null(await DecideRestartAsync(scene, [new BudgetSlotRequest("in-flight-only", 1, 0, (_, _) => true)]));

        await scene.EndAsync(restart);
        Assert.Null(await DecideRestartAsync(scene, [Unavailable()]));
    }

    [Fact]
    public async Task DecideRestartAsync_AnotherDrainsMigrationOfAMember_CountsToo()
    {
        var scene = new BudgetScene(database.DataSource, _clock);
        await scene.HoldAsync(await scene.DrainAsync(), "n1", AttemptOutcome.Running);

        Assert.Equal("db", await DecideRestartAsync(scene, [Unavailable()]));
    }

    [Fact]
    public async Task ReserveAsync_MemberRestartingInAnotherDrain_MigrationRefusedByTheUnavailabilityBudget()
    {
        var scene = new BudgetScene(database.DataSource, _clock);
        var a = await scene.DrainAsync();
        var b = await scene.DrainAsync();
        await scene.HoldAsync(a, "n1", AttemptOutcome.Created, AttemptKind.Restart);

        var verdict = await scene.AskAsync(scene.Request(b, "n2") with { Budgets = [Unavailable()] });
        var inFlightOnly = await scene.AskAsync(scene.Request(b, "n2") with { Budgets = [new BudgetSlotRequest("in-flight-only", 1, 0, (_, _) => true)] });

        Assert.Equal(SlotRefusal.ApplicationBudget, verdict.Refusal);
        Assert.Equal(SlotRefusal.None, inFlightOnly.Refusal);
    }

    [Fact]
    public async Task DecideRestartAsync_RestartOfADrainThatEnded_NotCounted()
    {
        var scene = new BudgetScene(database.DataSource, _clock);
        var a = await scene.DrainAsync();
        await scene.HoldAsync(a, "n1", AttemptOutcome.Created, AttemptKind.Restart);
        await scene.FinishAsync(a);

        Assert.Null(await DecideRestartAsync(scene, [Unavailable()]));
    }

    [Fact]
    public async Task DecideRestartAsync_MigrationOfADrainThatEnded_CountedWhileTheViewShowsItsVmimUnfinished()
    {
        var scene = new BudgetScene(database.DataSource, _clock);
        var a = await scene.DrainAsync();
        var vmim = await scene.HoldAsync(a, "n1", AttemptOutcome.Running);
        await scene.FinishAsync(a);

        Assert.Equal("db", await DecideRestartAsync(scene, [Unavailable()], (ns, name) => ns == "vms" && name == vmim));
        Assert.Null(await DecideRestartAsync(scene, [Unavailable()], (_, _) => false));
        Assert.Null(await DecideRestartAsync(scene, [Unavailable()]));
    }

    private async Task<string?> DecideRestartAsync(BudgetScene scene, IReadOnlyList<BudgetSlotRequest> budgets,
        Func<string, string, bool>? stillInFlight = null)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var refusing = await ClusterBudgetStore.DecideRestartAsync(transaction, scene.Cluster, budgets,
            new HashSet<string>(StringComparer.Ordinal), stillInFlight, CancellationToken.None);
        await transaction.RollbackAsync();
        return refusing;
    }
}
