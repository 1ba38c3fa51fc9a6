using Dapper;
using Npgsql;

namespace DrainOrchestrator.Persistence.Leases;

/// <summary>
/// Ownership leases in PostgreSQL with heartbeats, expiry and fencing. Time comes from the caller's
/// <see cref="TimeProvider"/>; engine processes are expected to share a synchronised wall clock.
/// </summary>
public sealed class LeaseStore(NpgsqlDataSource dataSource, TimeProvider timeProvider)
{
    /// <summary>Takes the lease if it is free, expired, or already ours; returns null when someone else holds it.</summary>
    public async Task<Lease?> TryAcquireAsync(string name, string holder, TimeSpan duration, CancellationToken cancellationToken)
    {
        ValidateArguments(name, holder, duration);
        var now = timeProvider.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<(long Epoch, DateTime ExpiresAt)?>(new CommandDefinition(
            """
            INSERT INTO leases AS l (name, holder, epoch, acquired_at, renewed_at, expires_at)
            VALUES (@name, @holder, 1, @now, @now, @expires)
            ON CONFLICT (name) DO UPDATE
               SET holder = EXCLUDED.holder,
                   epoch = l.epoch + CASE WHEN l.holder = EXCLUDED.holder THEN 0 ELSE 1 END,
                   acquired_at = CASE WHEN l.holder = EXCLUDED.holder THEN l.acquired_at ELSE EXCLUDED.acquired_at END,
                   renewed_at = EXCLUDED.renewed_at,
                   expires_at = EXCLUDED.expires_at
             WHERE l.holder = EXCLUDED.holder OR l.expires_at <= @now
            RETURNING epoch, expires_at
            """,
            new { name, holder, now, expires = now + duration },
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
            "SELECT name FROM leases WHERE name = ANY(@names) AND expires_at > @now",
            new { names = names.ToArray(), now = timeProvider.GetUtcNow() },
            cancellationToken: cancellationToken));
        return live.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Extends a lease still held; throws <see cref="LeaseLostException"/> when it was lost.</summary>
    public async Task<Lease> RenewAsync(Lease lease, TimeSpan duration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        ValidateArguments(lease.Name, lease.Holder, duration);
        var now = timeProvider.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var expires = await connection.QuerySingleOrDefaultAsync<DateTime?>(new CommandDefinition(
            """
            UPDATE leases SET renewed_at = @now, expires_at = @expires
             WHERE name = @Name AND holder = @Holder AND epoch = @Epoch AND expires_at > @now
            RETURNING expires_at
            """,
            new { lease.Name, lease.Holder, lease.Epoch, now, expires = now + duration },
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
        var now = timeProvider.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var expires = await connection.QuerySingleOrDefaultAsync<DateTime?>(new CommandDefinition(
            """
            UPDATE leases SET renewed_at = @now, expires_at = @expires
             WHERE name = @Name AND holder = @Holder AND epoch = @Epoch
            RETURNING expires_at
            """,
            new { lease.Name, lease.Holder, lease.Epoch, now, expires = now + duration },
            cancellationToken: cancellationToken));
        return expires is { } e ? lease with { ExpiresAt = AsUtc(e) } : null;
    }

    /// <summary>Gives the lease up at once (expires it, keeping its epoch so fencing tokens never repeat).</summary>
    public async Task ReleaseAsync(Lease lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        var now = timeProvider.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE leases SET expires_at = GREATEST(acquired_at, LEAST(expires_at, @now))
             WHERE name = @Name AND holder = @Holder AND epoch = @Epoch
            """,
            new { lease.Name, lease.Holder, lease.Epoch, now },
            cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Inside a transaction, confirms the lease is still held and locks it against take-over until the transaction
    /// ends, so the writes that follow are fenced. Throws <see cref="LeaseLostException"/> otherwise.
    /// </summary>
    public async Task EnsureHeldAsync(NpgsqlTransaction transaction, Lease lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(lease);
        var held = await transaction.Connection!.ExecuteScalarAsync<bool>(new CommandDefinition(
            """
            SELECT EXISTS (
                SELECT 1 FROM leases
                 WHERE name = @Name AND holder = @Holder AND epoch = @Epoch AND expires_at > @now
                   FOR SHARE)
            """,
            new { lease.Name, lease.Holder, lease.Epoch, now = timeProvider.GetUtcNow() },
            transaction,
            cancellationToken: cancellationToken));
        if (!held)
        {
            throw Lost(lease);
        }
    }

    private static LeaseLostException Lost(Lease lease) =>
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
