using Dapper;
using Npgsql;

namespace DrainOrchestrator.Persistence.Leases;

/// <summary>
/// Ownership leases in PostgreSQL with heartbeats, expiry and fencing. Every instant of the arithmetic is the database
/// server's (<c>statement_timestamp()</c>), never an engine's: engines whose clocks disagree, or step, still agree on
/// who holds a lease. Times are kept ordered (<c>GREATEST</c> with the acquisition) even if the server's own clock steps
/// back. <see cref="Lease.ExpiresAt"/> is therefore on the database's clock: a holder measures freshness by its own
/// elapsed time since the request that granted the lease, not by comparing its wall clock with it.
/// </summary>
public sealed class LeaseStore(NpgsqlDataSource dataSource)
{
    /// <summary>Takes the lease if it is free, expired, or already ours; returns null when someone else holds it.</summary>
    public async Task<Lease?> TryAcquireAsync(string name, string holder, TimeSpan duration, CancellationToken cancellationToken)
    {
        ValidateArguments(name, holder, duration);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<(long Epoch, DateTime ExpiresAt)?>(new CommandDefinition(
            """
            INSERT INTO leases AS l (name, holder, epoch, acquired_at, renewed_at, expires_at)
            VALUES (@name, @holder, 1, statement_timestamp(), statement_timestamp(), statement_timestamp() + @duration)
            ON CONFLICT (name) DO UPDATE
               SET holder = EXCLUDED.holder,
                   epoch = l.epoch + CASE WHEN l.holder = EXCLUDED.holder THEN 0 ELSE 1 END,
                   acquired_at = CASE WHEN l.holder = EXCLUDED.holder THEN l.acquired_at ELSE EXCLUDED.acquired_at END,
                   renewed_at = GREATEST(EXCLUDED.renewed_at, CASE WHEN l.holder = EXCLUDED.holder THEN l.acquired_at ELSE EXCLUDED.acquired_at END),
                   expires_at = GREATEST(EXCLUDED.renewed_at, CASE WHEN l.holder = EXCLUDED.holder THEN l.acquired_at ELSE EXCLUDED.acquired_at END)
                                + @duration
             WHERE l.holder = EXCLUDED.holder OR l.expires_at <= statement_timestamp()
            RETURNING epoch, expires_at
            """,
            new { name, holder, duration },
            cancellationToken: cancellationToken));
        return row is { } r ? new Lease(name, holder, r.Epoch, AsUtc(r.ExpiresAt)) : null;
    }

    /// <summary>Which of <paramref name="names"/> some holder has now (not expired): the others are free to take.</summary>
    public async Task<IReadOnlySet<string>> LiveAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(names);
        if (names.Count == 0)
        {
            return new HashSet<string>(StringComparer.Ordinal);
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var live = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT name FROM leases WHERE name = ANY(@names) AND expires_at > statement_timestamp()",
            new { names = names.ToArray() },
            cancellationToken: cancellationToken));
        return live.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Extends a lease still held; throws <see cref="LeaseLostException"/> when it was lost.</summary>
    public async Task<Lease> RenewAsync(Lease lease, TimeSpan duration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        ValidateArguments(lease.Name, lease.Holder, duration);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var expires = await connection.QuerySingleOrDefaultAsync<DateTime?>(new CommandDefinition(
            """
            UPDATE leases SET renewed_at = GREATEST(acquired_at, statement_timestamp()),
                              expires_at = GREATEST(acquired_at, statement_timestamp()) + @duration
             WHERE name = @Name AND holder = @Holder AND epoch = @Epoch AND expires_at > statement_timestamp()
            RETURNING expires_at
            """,
            new { lease.Name, lease.Holder, lease.Epoch, duration },
            cancellationToken: cancellationToken));
        return expires is { } e ? lease with { ExpiresAt = AsUtc(e) } : throw Lost(lease);
    }

    /// <summary>
    /// Extends the lease even if it has expired, provided nobody took it since: the row still names this holder and
    /// epoch, and any take-over changes both, so nobody else can have made a fenced write in between. Used after the
    /// database was unreachable for longer than the lease. Returns null when another holder took the lease over.
    /// </summary>
    public async Task<Lease?> TryReclaimAsync(Lease lease, TimeSpan duration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        ValidateArguments(lease.Name, lease.Holder, duration);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<(DateTime ExpiresAt, bool Expired)?>(new CommandDefinition(
            """
            UPDATE leases AS l SET renewed_at = GREATEST(l.acquired_at, statement_timestamp()),
                                   expires_at = GREATEST(l.acquired_at, statement_timestamp()) + @duration
              FROM leases AS before
             WHERE l.name = @Name AND l.holder = @Holder AND l.epoch = @Epoch AND before.name = l.name
            RETURNING l.expires_at, before.expires_at <= statement_timestamp()
            """,
            new { lease.Name, lease.Holder, lease.Epoch, duration },
            cancellationToken: cancellationToken));
        return row is { } r ? lease with { ExpiresAt = AsUtc(r.ExpiresAt), WasExpired = r.Expired } : null;
    }

    /// <summary>Gives the lease up at once (expires it, keeping its epoch so fencing tokens never repeat).</summary>
    public async Task ReleaseAsync(Lease lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE leases SET expires_at = GREATEST(acquired_at, LEAST(expires_at, statement_timestamp()))
             WHERE name = @Name AND holder = @Holder AND epoch = @Epoch
            """,
            new { lease.Name, lease.Holder, lease.Epoch },
            cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Inside a transaction, confirms the lease is still held and locks it against take-over until the transaction
    /// ends, so the writes that follow are fenced. Throws <see cref="LeaseLostException"/> otherwise.
    /// </summary>
    public static async Task EnsureHeldAsync(NpgsqlTransaction transaction, Lease lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(lease);
        var held = await transaction.Connection!.ExecuteScalarAsync<bool>(new CommandDefinition(
            """
            SELECT EXISTS (
                SELECT 1 FROM leases
                 WHERE name = @Name AND holder = @Holder AND epoch = @Epoch AND expires_at > statement_timestamp()
                   FOR SHARE)
            """,
            new { lease.Name, lease.Holder, lease.Epoch },
            transaction,
            cancellationToken: cancellationToken));
        if (!held)
        {
            throw Lost(lease);
        }
    }

    internal static LeaseLostException Lost(Lease lease) =>
        new($"Lease '{lease.Name}' (epoch {lease.Epoch}) is no longer held by '{lease.Holder}': it expired or another process took it over.")
        {
            LeaseName = lease.Name,
        };

    private static void ValidateArguments(string name, string holder, TimeSpan duration)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(holder);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
    }

    private static DateTimeOffset AsUtc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
