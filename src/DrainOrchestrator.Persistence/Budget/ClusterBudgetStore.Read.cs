using Dapper;

namespace DrainOrchestrator.Persistence.Budget;

/// <summary>The read model of a cluster's budget, for <c>drainctl status</c> and the API.</summary>
public sealed partial class ClusterBudgetStore
{
    private const string ReadSql = HeldSlotsSql + DemandsSql +
        "SELECT id AS DrainId, name AS DrainName, created_at AS DrainCreatedAt FROM drains WHERE cluster = @cluster AND finished_at IS NULL;";

    /// <summary>
    /// Every unfinished drain of <paramref name="cluster"/>, and any other holding slots: the slots it holds, what it
    /// wants, and its fair share as its own next reservation would compute it (with the limit and foreign count it last
    /// published, or else the most recently published ones of the cluster). Ordered by drain creation. Demands older
    /// than <paramref name="demandMaxAge"/> count as stale.
    /// </summary>
    public async Task<IReadOnlyList<DrainBudgetStatus>> ReadAsync(string cluster, TimeSpan demandMaxAge, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cluster);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(demandMaxAge, TimeSpan.Zero);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var reader = await connection.QueryMultipleAsync(new CommandDefinition(ReadSql, new { cluster },
            cancellationToken: cancellationToken));
        var held = await reader.ReadAsync<HeldSlotRow>();
        var demands = (await reader.ReadAsync<DemandRow>()).ToList();
        var active = await reader.ReadAsync<DrainRow>();
        var ledger = BudgetLedger.Build(held, demands, null, new HashSet<string>(StringComparer.Ordinal),
            timeProvider.GetUtcNow() - demandMaxAge);
        foreach (var drain in active)
        {
            ledger.Include(drain);
        }

        var latest = demands.MaxBy(d => d.RefreshedAt);
        return ledger.Drains.OrderBy(d => d.Value.CreatedAt).ThenBy(d => d.Key).Select(d =>
        {
            var (id, entry) = d;
            var row = entry.Published ?? latest;
            var share = 0;
            if (row is not null)
            {
                var claims = ledger.Claims(id, null);
                share = FairShare.Compute(row.ClusterLimit - row.ForeignInFlight, claims)[claims.FindIndex(c => c.DrainId == id)];
            }

            return new DrainBudgetStatus(id, entry.Name, entry.Held, entry.Wanted, share, row?.ClusterLimit, row?.ForeignInFlight,
                entry.Published is { } p ? Utc(p.RefreshedAt) : null, entry.Published is not null && !entry.Fresh);
        }).ToList();
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
