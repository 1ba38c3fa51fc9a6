using DrainOrchestrator.Persistence.Attempts;
using DrainOrchestrator.Persistence.Budget;
using DrainOrchestrator.Persistence.Drains;
using DrainOrchestrator.Persistence.Journal;
using DrainOrchestrator.Persistence.Waves;
using Npgsql;

namespace DrainOrchestrator.Persistence.Tests.Budget;

/// <summary>One cluster of its own in a test database: drains, the migrations they hold, and questions to its budget.</summary>
internal sealed class BudgetScene(NpgsqlDataSource dataSource, TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    public string Cluster { get; } = "cluster-" + Guid.NewGuid().ToString("N")[..8];

    public ClusterBudgetStore Store { get; } = new(dataSource, clock);

    private AttemptStore Attempts { get; } = new(dataSource, clock);

    /// <summary>A drain of the cluster with one wave (created on the scene's clock, so later ones are younger).</summary>
    public async Task<Guid> DrainAsync(params string[] nodes)
    {
        var id = Guid.NewGuid();
        await new DrainStore(dataSource, clock).CreateAsync(
            new NewDrain(id, "drain-" + id.ToString("N")[..12], Cluster, nodes.Length == 0 ? ["node-" + id.ToString("N")[..6]] : nodes, "{}", "test"),
            CancellationToken.None);
        await InTransactionAsync(t => new WaveStore(dataSource, clock).RecordPlanAsync(t, id, "rolling", 5, [new PlannedWaveRow(1, 1)],
            CancellationToken.None));
        return id;
    }

    /// <summary>Records an attempt of <paramref name="drainId"/> out of <paramref name="source"/>; returns its VMIM name.</summary>
    public async Task<string> HoldAsync(Guid drainId, string source, AttemptOutcome? outcome = null, AttemptKind kind = AttemptKind.Migration)
    {
        var name = NewVmimName();
        await InTransactionAsync(t => InsertAsync(t, drainId, source, name, kind));
        if (outcome is { } o)
        {
            await InTransactionAsync(t => Attempts.ObserveAsync(t, name, new AttemptObservation(o), CancellationToken.None));
        }

        return name;
    }

    /// <summary>Records that the attempt ended (succeeded).</summary>
    public Task EndAsync(string vmimName) => InTransactionAsync(t =>
        Attempts.ObserveAsync(t, vmimName, new AttemptObservation(AttemptOutcome.Succeeded), CancellationToken.None));

    public Task InsertAsync(NpgsqlTransaction transaction, Guid drainId, string source, string vmimName, AttemptKind kind = AttemptKind.Migration) =>
        Attempts.InsertIntendedAsync(transaction, new NewAttempt(drainId, 1, 1, "vms", "vm-" + vmimName, "uid-" + vmimName, source,
            kind == AttemptKind.Restart ? null : "target-node", vmimName, PostCopy: false, kind), CancellationToken.None);

    public Task FinishAsync(Guid drainId) => InTransactionAsync(async t =>
    {
        await new DrainStateStore(dataSource, clock).SetStateAsync(t, drainId, DrainState.Succeeded, "done", CancellationToken.None);
        await new DrainStateStore(dataSource, clock).ReleaseNodesAsync(t, drainId, CancellationToken.None);
    });

    public Task WantAsync(Guid drainId, int wanted, int foreign = 0, int limit = 5) =>
        Store.PublishDemandAsync(new BudgetDemand(Cluster, drainId, wanted, foreign, limit), CancellationToken.None);

    public SlotRequest Request(Guid drainId, string source, int wanted = 1, ForeignLoad? foreign = null, IReadOnlySet<string>? ended = null,
        int limit = 5, int nodeLimit = 2) =>
        new(Cluster, drainId, source, limit, nodeLimit, foreign ?? ForeignLoad.None, ended ?? new HashSet<string>(StringComparer.Ordinal),
            wanted, MaxAge);

    /// <summary>Asks the budget and rolls back, whatever the answer.</summary>
    public async Task<SlotVerdict> AskAsync(SlotRequest request)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var verdict = await Store.ReserveAsync(transaction, request, CancellationToken.None);
        await transaction.RollbackAsync();
        return verdict;
    }

    public static string NewVmimName() => "m-" + Guid.NewGuid().ToString("N");

    public async Task InTransactionAsync(Func<NpgsqlTransaction, Task> work)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await work(transaction);
        await transaction.CommitAsync();
    }
}
