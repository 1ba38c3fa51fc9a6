using Dapper;
using DrainOrchestrator.Persistence.Budget;
using DrainOrchestrator.Testing;

namespace DrainOrchestrator.Persistence.Tests.Budget;

public sealed class ClusterBudgetConcurrencyTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private const int Tasks = 8;
    private const int ReservationsPerTask = 50;
    private const int Limit = 5;
    private const int NodeLimit = 2;

    private const string CountInFlightSql =
        """
        SELECT count(*) FROM migration_attempts a JOIN drains d ON d.id = a.drain_id
         WHERE d.cluster = @cluster AND a.kind = 'migration' AND a.outcome IN ('intended', 'created', 'running');
        SELECT count(*) FROM migration_attempts a JOIN drains d ON d.id = a.drain_id
         WHERE d.cluster = @cluster AND a.source_node = @node AND a.kind = 'migration' AND a.outcome IN ('intended', 'created', 'running');
        """;

    [Fact]
    public async Task ReserveAsync_ManyDrainsAtOnceOnSeparateConnections_NeverMoreInFlightThanTheLimit()
    {
        var scene = new BudgetScene(database.DataSource, TimeProvider.System);
        var drains = new List<Guid>();
        for (var i = 0; i < Tasks; i++)
        {
            drains.Add(await scene.DrainAsync("n" + i));
        }

        // Only guards a hang: the tasks meet once per round, so every round's eight reservations race for the lock.
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var rounds = new Rendezvous(Tasks);
        var results = await Task.WhenAll(drains.Select((drain, i) =>
            Task.Run(() => HammerAsync(scene, drain, "n" + i, rounds, deadline.Token), deadline.Token)));

        // Eight drains want a slot each in the first round: the limit is reached there, and three are refused.
        Assert.Equal(Limit, results.Max(r => r.MaxInFlight));
        Assert.All(results, r => Assert.InRange(r.MaxInFlight, 1, Limit));
        Assert.All(results, r => Assert.InRange(r.MaxOutbound, 1, NodeLimit));
        Assert.True(results.Sum(r => r.Refused) >= Tasks - Limit);
        Assert.True(results.Sum(r => r.Granted) > 2 * Limit, $"only {results.Sum(r => r.Granted)} slots were granted");
    }

    // Each round: publish the demand, meet the others, ask; when granted record the attempt and count what is in flight
    // before the commit (the lock is still held). Hold at most two slots, ending the older one outside the lock as an
    // engine would, and end one every third round.
    private async Task<(int Granted, int Refused, long MaxInFlight, long MaxOutbound)> HammerAsync(BudgetScene scene, Guid drain,
        string node, Rendezvous rounds, CancellationToken cancellationToken)
    {
        var held = new Queue<string>();
        var (granted, refused, maxInFlight, maxOutbound) = (0, 0, 0L, 0L);
        for (var i = 0; i < ReservationsPerTask; i++)
        {
            await scene.Store.PublishDemandAsync(new BudgetDemand(scene.Cluster, drain, 1, 0, Limit), cancellationToken);
            await rounds.ArriveAsync(cancellationToken);
            await using (var connection = await database.DataSource.OpenConnectionAsync(cancellationToken))
            await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
            {
                var verdict = await scene.Store.ReserveAsync(transaction, scene.Request(drain, node, limit: Limit, nodeLimit: NodeLimit),
                    cancellationToken);
                if (verdict.Granted)
                {
                    var name = BudgetScene.NewVmimName();
                    await scene.InsertAsync(transaction, drain, node, name);
                    await using var counts = await connection.QueryMultipleAsync(new CommandDefinition(CountInFlightSql,
                        new { cluster = scene.Cluster, node }, transaction, cancellationToken: cancellationToken));
                    maxInFlight = Math.Max(maxInFlight, await counts.ReadSingleAsync<long>());
                    maxOutbound = Math.Max(maxOutbound, await counts.ReadSingleAsync<long>());
                    await transaction.CommitAsync(cancellationToken);
                    held.Enqueue(name);
                    granted++;
                }
                else
                {
                    await transaction.RollbackAsync(cancellationToken);
                    refused++;
                }
            }

            if (held.Count >= 2 || (held.Count > 0 && i % 3 == 2))
            {
                await scene.EndAsync(held.Dequeue());
            }
        }

        while (held.Count > 0)
        {
            await scene.EndAsync(held.Dequeue());
        }

        return (granted, refused, maxInFlight, maxOutbound);
    }

    /// <summary>Lets a fixed number of tasks go on together, once all of them have arrived; reusable round after round.</summary>
    private sealed class Rendezvous(int parties)
    {
        private readonly Lock _gate = new();
        private int _arrived;
        private TaskCompletionSource _round = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task ArriveAsync(CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                var round = _round;
                if (++_arrived < parties)
                {
                    return round.Task.WaitAsync(cancellationToken);
                }

                _arrived = 0;
                _round = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                round.SetResult();
                return Task.CompletedTask;
            }
        }
    }
}
