using Dapper;
using DrainOrchestrator.Persistence.Fencing;
using Npgsql;

namespace DrainOrchestrator.Persistence.Budget;

/// <summary>
/// One cluster, one budget: the migration slots of every drain of a cluster (<c>drains.cluster</c>), reserved durably so
/// that drains in one process or in several, on one database, never exceed KubeVirt's limits together.
/// </summary>
/// <remarks>
/// <para>
/// A slot is reserved by <see cref="ReserveAsync"/> inside the transaction that records the attempt's intent, under a
/// transaction-scoped advisory lock on the cluster (<see cref="ClusterLockKey"/>): every reservation of a cluster
/// waits for the one before it to commit or roll back, and counts what it committed. In flight, and so holding a slot,
/// is every migration attempt of any drain of the cluster whose outcome is not final (intended, created, running)
/// except those the asking engine saw end (<see cref="SlotRequest.Ended"/>), and of a drain that ended only while the
/// asking engine sees its VMIM unfinished (<see cref="SlotRequest.StillInFlight"/>), plus the foreign VMIMs the asking
/// engine sees (<see cref="SlotRequest.Foreign"/>).
/// </para>
/// <para>
/// Drains that want slots at once share them max-min fairly (<see cref="FairShare"/>): each publishes what it would
/// start now (<see cref="PublishDemandAsync"/>); a drain may start a migration only while its slots, with the new one,
/// stay within its share. Restarts (the shutdown policy) hold no migration slot.
/// </para>
/// </remarks>
public sealed partial class ClusterBudgetStore(NpgsqlDataSource dataSource, TimeProvider timeProvider)
{
    // The slots held and the demands published: one statement each, shared by the reservation and the read model.
    private const string HeldSlotsSql =
        """
        SELECT a.drain_id AS DrainId, d.name AS DrainName, d.created_at AS DrainCreatedAt, a.vmim_name AS VmimName,
               a.source_node AS SourceNode, a.vmi_namespace AS VmiNamespace, a.vmi_name AS VmiName,
               d.finished_at IS NOT NULL AS DrainFinished
          FROM migration_attempts a
          JOIN drains d ON d.id = a.drain_id
         WHERE d.cluster = @cluster
           AND a.kind = 'migration' AND a.outcome IN ('intended', 'created', 'running');
        """;

    private const string DemandsSql =
        """
        SELECT b.drain_id AS DrainId, d.name AS DrainName, d.created_at AS DrainCreatedAt, b.wanted AS Wanted,
               b.foreign_in_flight AS ForeignInFlight, b.cluster_limit AS ClusterLimit, b.refreshed_at AS RefreshedAt,
               b.last_granted_at AS LastGrantedAt
          FROM cluster_budget_demands b
          JOIN drains d ON d.id = b.drain_id
         WHERE b.cluster = @cluster AND d.finished_at IS NULL;
        """;

    // The restarts in flight (the shutdown policy) of the unfinished drains: no slot, but a member down for an
    // unavailability budget (a drain that ended no longer follows its restart, so its row says nothing of the VM now).
    private const string RestartsSql =
        """
        SELECT a.vmim_name AS VmimName, a.vmi_namespace AS VmiNamespace, a.vmi_name AS VmiName
          FROM migration_attempts a
          JOIN drains d ON d.id = a.drain_id
         WHERE d.cluster = @cluster AND d.finished_at IS NULL
           AND a.kind = 'restart' AND a.outcome IN ('intended', 'created', 'running');
        """;

    // The lock first: in READ COMMITTED every later statement of the batch reads with a snapshot taken after it, so it
    // sees every reservation committed before. The partial index migration_attempts_in_flight serves the held slots.
    private const string ReserveSql =
        "SELECT 1 FROM pg_advisory_xact_lock(@lockKey);\n" + HeldSlotsSql + DemandsSql +
        "SELECT id AS DrainId, name AS DrainName, created_at AS DrainCreatedAt FROM drains WHERE id = @drainId AND cluster = @cluster;\n"
        + RestartsSql;

    // A restart's check: under the same lock, the slots and restarts its unavailability budgets count.
    private const string RestartCheckSql = "SELECT 1 FROM pg_advisory_xact_lock(@lockKey);\n" + HeldSlotsSql + RestartsSql;

    // A grant stamps the drain's demand row (creating it if the drain published none yet), for the sharing's order.
    private const string StampGrantSql =
        """
        INSERT INTO cluster_budget_demands AS b (drain_id, cluster, wanted, foreign_in_flight, cluster_limit, refreshed_at, last_granted_at)
        SELECT @grant_drain, @grant_cluster, @grant_wanted, @grant_foreign, @grant_limit, @grant_now, @grant_now
         WHERE {fence}
        ON CONFLICT (drain_id) DO UPDATE SET last_granted_at = EXCLUDED.last_granted_at
        """;

    /// <summary>
    /// Decides, under the cluster's lock held until <paramref name="transaction"/> ends, whether the drain may start one
    /// more migration. A granted slot is taken by inserting the attempt's intent in the same transaction before it
    /// commits (the grant itself only stamps the drain's demand row with its time); a refused one writes nothing.
    /// </summary>
    public async Task<SlotVerdict> ReserveAsync(NpgsqlTransaction transaction, SlotRequest request, CancellationToken cancellationToken)
    {
        var verdict = await DecideAsync(transaction, request, cancellationToken);
        if (verdict.Granted)
        {
            var stamp = GrantChange(request, timeProvider.GetUtcNow());
            await transaction.Connection!.ExecuteAsync(new CommandDefinition(stamp.Sql.Replace(FencedChange.Fence, "true", StringComparison.Ordinal),
                new DynamicParameters(stamp.Parameters), transaction, cancellationToken: cancellationToken));
        }

        return verdict;
    }

    /// <summary>
    /// As <see cref="ReserveAsync"/>, without stamping the grant: the caller makes <see cref="GrantChange"/> in the same
    /// transaction when the slot is granted (with the intent, in one fenced statement).
    /// </summary>
    public async Task<SlotVerdict> DecideAsync(NpgsqlTransaction transaction, SlotRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        Validate(request);
        var now = timeProvider.GetUtcNow();
        await using var reader = await transaction.Connection!.QueryMultipleAsync(new CommandDefinition(ReserveSql,
            new { lockKey = ClusterLockKey.For(request.Cluster), cluster = request.Cluster, drainId = request.DrainId },
            transaction, cancellationToken: cancellationToken));
        await reader.ReadSingleAsync<int>();
        var held = await reader.ReadAsync<HeldSlotRow>();
        var demands = await reader.ReadAsync<DemandRow>();
        var self = await reader.ReadSingleOrDefaultAsync<DrainRow>()
            ?? throw new ArgumentException($"There is no drain {request.DrainId} in cluster '{request.Cluster}'.", nameof(request));
        var restarts = await reader.ReadAsync<RestartRow>();
        return SlotRule.Decide(request, BudgetLedger.Build(held, demands, self, request.Ended, now - request.DemandMaxAge, restarts, request.StillInFlight));
    }

    /// <summary>
    /// Decides, under the cluster's lock held until <paramref name="transaction"/> ends (the caller records the restart's
    /// intent in it when allowed), whether a restart of a VM may begin: each unavailability budget of <paramref name="budgets"/>
    /// (those with <see cref="BudgetSlotRequest.IsRestartMember"/>) must leave room for one more member down, counting
    /// every drain's migrations and restarts in flight of its members and its foreign migrations. A restart holds no
    /// migration slot. A migration of a drain that ended counts while the asking engine's view shows its VMIM
    /// unfinished (<paramref name="stillInFlight"/>), as in the migrations' reservation. Returns the first budget that
    /// refuses; null when none does.
    /// </summary>
    public static async Task<string?> DecideRestartAsync(NpgsqlTransaction transaction, string cluster, IReadOnlyList<BudgetSlotRequest> budgets,
        IReadOnlySet<string> ended, Func<string, string, bool>? stillInFlight, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(budgets);
        ArgumentNullException.ThrowIfNull(ended);
        var counted = budgets.Where(b => b.IsRestartMember is not null).ToList();
        if (counted.Count == 0)
        {
            return null;
        }

        await using var reader = await transaction.Connection!.QueryMultipleAsync(new CommandDefinition(RestartCheckSql,
            new { lockKey = ClusterLockKey.For(cluster), cluster }, transaction, cancellationToken: cancellationToken));
        await reader.ReadSingleAsync<int>();
        var held = await reader.ReadAsync<HeldSlotRow>();
        var restarts = await reader.ReadAsync<RestartRow>();
        var ledger = BudgetLedger.Build(held, [], null, ended, DateTimeOffset.MinValue, restarts, stillInFlight);
        return counted.FirstOrDefault(b => ledger.HeldIn(b) + b.Foreign + 1 > b.Limit)?.Name;
    }

    /// <summary>The stamp of a granted slot on the drain's demand row (created if the drain published none yet), as a fenced change.</summary>
    public static FencedChange GrantChange(SlotRequest request, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new FencedChange(StampGrantSql, "grant_", new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["grant_drain"] = request.DrainId,
            ["grant_cluster"] = request.Cluster,
            ["grant_wanted"] = Math.Max(0, request.Wanted - 1),
            ["grant_foreign"] = request.Foreign.Total,
            ["grant_limit"] = request.ClusterLimit,
            ["grant_now"] = now,
        });
    }

    private static void Validate(SlotRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(request.Cluster))
        {
            problems.Add("Cluster must not be blank");
        }

        if (string.IsNullOrWhiteSpace(request.SourceNode))
        {
            problems.Add("SourceNode must not be blank");
        }

        if (request.ClusterLimit < 1)
        {
            problems.Add($"ClusterLimit must be at least 1, was {request.ClusterLimit}");
        }

        if (request.NodeLimit < 1)
        {
            problems.Add($"NodeLimit must be at least 1, was {request.NodeLimit}");
        }

        if (request.Foreign is null || request.Foreign.Total < 0)
        {
            problems.Add("Foreign must be set and not negative");
        }

        if (request.Ended is null)
        {
            problems.Add("Ended must be set");
        }

        if (request.DemandMaxAge <= TimeSpan.Zero)
        {
            problems.Add($"DemandMaxAge must be positive, was {request.DemandMaxAge}");
        }

        foreach (var budget in request.Budgets ?? [])
        {
            if (budget.Limit < 0 || budget.Foreign < 0 || budget.IsMember is null)
            {
                problems.Add($"Budget '{budget.Name}' must have a limit and a foreign count of at least 0 and a membership test, was {budget.Limit} and {budget.Foreign}");
            }
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid slot request: " + string.Join("; ", problems), nameof(request));
        }
    }
}
