using Dapper;
using DrainOrchestrator.Persistence.Leases;
using DrainOrchestrator.Testing;

namespace DrainOrchestrator.Persistence.Tests.Leases;

public sealed class LeaseStoreTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(30);

    // Expiry is the database's arithmetic on its own clock: a lease this short has expired once Expire waited.
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(50);

    private LeaseStore Store() => new(database.DataSource);

    private static Task Expire() => Task.Delay(Short * 4);

    private async Task<DateTimeOffset> DatabaseNowAsync()
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        return new DateTimeOffset(DateTime.SpecifyKind(await connection.ExecuteScalarAsync<DateTime>("SELECT clock_timestamp()"), DateTimeKind.Utc));
    }

    private static string NewName() => "drain/" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task TryAcquireAsync_Free_GrantsEpochOne()
    {
        var before = await DatabaseNowAsync();
        var lease = await Store().TryAcquireAsync(NewName(), "engine-a", Ttl, CancellationToken.None);
        var after = await DatabaseNowAsync();

        Assert.NotNull(lease);
        Assert.Equal(1, lease.Epoch);
        Assert.InRange(lease.ExpiresAt, before + Ttl, after + Ttl);
    }

    [Fact]
    public async Task TryAcquireAsync_HeldByOther_Refused()
    {
        var name = NewName();
        await Store().TryAcquireAsync(name, "engine-a", Ttl, CancellationToken.None);

        Assert.Null(await Store().TryAcquireAsync(name, "engine-b", Ttl, CancellationToken.None));
    }

    [Fact]
    public async Task TryAcquireAsync_ExpiredLease_TakenOverWithHigherEpoch()
    {
        var name = NewName();
        var first = await Store().TryAcquireAsync(name, "engine-a", Short, CancellationToken.None);
        await Expire();

        var second = await Store().TryAcquireAsync(name, "engine-b", Ttl, CancellationToken.None);

        Assert.NotNull(second);
        Assert.Equal(first!.Epoch + 1, second.Epoch);
    }

    [Fact]
    public async Task RenewAsync_AfterTakeOver_ThrowsLeaseLost()
    {
        var name = NewName();
        var first = await Store().TryAcquireAsync(name, "engine-a", Short, CancellationToken.None);
        await Expire();
        await Store().TryAcquireAsync(name, "engine-b", Ttl, CancellationToken.None);

        var ex = await Assert.ThrowsAsync<LeaseLostException>(() => Store().RenewAsync(first!, Ttl, CancellationToken.None));

        Assert.Equal(name, ex.LeaseName);
    }

    [Fact]
    public async Task RenewAsync_WhileHeld_ExtendsExpiry()
    {
        var lease = await Store().TryAcquireAsync(NewName(), "engine-a", Ttl, CancellationToken.None);

        var before = await DatabaseNowAsync();
        var renewed = await Store().RenewAsync(lease!, Ttl, CancellationToken.None);
        var after = await DatabaseNowAsync();

        Assert.InRange(renewed.ExpiresAt, before + Ttl, after + Ttl);
        Assert.True(renewed.ExpiresAt > lease!.ExpiresAt);
        Assert.Equal(lease.Epoch, renewed.Epoch);
    }

    [Fact]
    public async Task EnsureHeldAsync_StaleOwnerAfterTakeOver_RefusedWhileNewOwnerWrites()
    {
        var name = NewName();
        var stale = await Store().TryAcquireAsync(name, "engine-a", Short, CancellationToken.None);
        await Expire();
        var current = await Store().TryAcquireAsync(name, "engine-b", Ttl, CancellationToken.None);
        var marker = Guid.NewGuid().ToString("N");
        await using var connection = await database.DataSource.OpenConnectionAsync();

        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await Assert.ThrowsAsync<LeaseLostException>(() => LeaseStore.EnsureHeldAsync(transaction, stale!, CancellationToken.None));
        }

        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await LeaseStore.EnsureHeldAsync(transaction, current!, CancellationToken.None);
            await connection.ExecuteAsync(
                "INSERT INTO event_journal (occurred_at, kind, actor, lease_epoch, payload) VALUES (@now, 'fenced', 'engine-b', @epoch, jsonb_build_object('marker', @marker::text))",
                new { now = TimeProvider.System.GetUtcNow(), epoch = current!.Epoch, marker }, transaction);
            await transaction.CommitAsync();
        }

        Assert.Equal(1, await connection.ExecuteScalarAsync<int>(
            "SELECT count(*) FROM event_journal WHERE payload->>'marker' = @marker", new { marker }));
    }

    [Fact]
    public async Task ReleaseAsync_ThenOtherAcquires_EpochKeepsGrowing()
    {
        var name = NewName();
        var first = await Store().TryAcquireAsync(name, "engine-a", Ttl, CancellationToken.None);
        await Store().ReleaseAsync(first!, CancellationToken.None);

        var second = await Store().TryAcquireAsync(name, "engine-b", Ttl, CancellationToken.None);

        Assert.NotNull(second);
        Assert.Equal(first!.Epoch + 1, second.Epoch);
    }

    [Fact]
    public async Task TryAcquireAsync_SameHolderAgain_KeepsEpoch()
    {
        var name = NewName();
        var first = await Store().TryAcquireAsync(name, "engine-a", Ttl, CancellationToken.None);

        var again = await Store().TryAcquireAsync(name, "engine-a", Ttl, CancellationToken.None);

        Assert.Equal(first!.Epoch, again!.Epoch);
    }

    [Fact]
    public async Task TryReclaimAsync_ExpiredButUntouched_RetakenWithSameEpoch()
    {
        var lease = await Store().TryAcquireAsync(NewName(), "engine-a", Short, CancellationToken.None);
        await Expire();

        var before = await DatabaseNowAsync();
        var reclaimed = await Store().TryReclaimAsync(lease!, Ttl, CancellationToken.None);
        var after = await DatabaseNowAsync();

        Assert.NotNull(reclaimed);
        Assert.True(reclaimed.WasExpired);
        Assert.Equal(lease!.Epoch, reclaimed.Epoch);
        Assert.InRange(reclaimed.ExpiresAt, before + Ttl, after + Ttl);
        Assert.Null(await Store().TryAcquireAsync(lease.Name, "engine-b", Ttl, CancellationToken.None));
    }

    [Fact]
    public async Task TryReclaimAsync_TakenOverMeanwhile_Null()
    {
        var name = NewName();
        var first = await Store().TryAcquireAsync(name, "engine-a", Short, CancellationToken.None);
        await Expire();
        var second = await Store().TryAcquireAsync(name, "engine-b", Ttl, CancellationToken.None);

        Assert.Null(await Store().TryReclaimAsync(first!, Ttl, CancellationToken.None));
        Assert.Equal(second!.Epoch, (await Store().RenewAsync(second, Ttl, CancellationToken.None)).Epoch);
    }

    [Fact]
    public async Task TryReclaimAsync_TakenOverAndReleasedMeanwhile_Null()
    {
        var name = NewName();
        var first = await Store().TryAcquireAsync(name, "engine-a", Short, CancellationToken.None);
        await Expire();
        var second = await Store().TryAcquireAsync(name, "engine-b", Ttl, CancellationToken.None);
        await Store().ReleaseAsync(second!, CancellationToken.None);

        Assert.Null(await Store().TryReclaimAsync(first!, Ttl, CancellationToken.None));
    }

    [Fact]
    public async Task TryReclaimAsync_StillHeld_NotExpired()
    {
        var lease = await Store().TryAcquireAsync(NewName(), "engine-a", Ttl, CancellationToken.None);

        var reclaimed = await Store().TryReclaimAsync(lease!, Ttl, CancellationToken.None);

        Assert.False(reclaimed!.WasExpired);
    }

    [Fact]
    public async Task RenewAsync_DatabaseClockSteppedBackBelowTheAcquisition_KeepsTimesOrderedInsteadOfFailingTheCheck()
    {
        var lease = await Store().TryAcquireAsync(NewName(), "engine-a", Ttl, CancellationToken.None);
        await using var connection = await database.DataSource.OpenConnectionAsync();
        // As if the server's clock had stepped an hour back since the acquisition.
        await connection.ExecuteAsync(
            "UPDATE leases SET acquired_at = acquired_at + interval '1 hour', renewed_at = renewed_at + interval '1 hour', expires_at = expires_at + interval '1 hour' WHERE name = @Name",
            new { lease!.Name });

        var renewed = await Store().RenewAsync(lease, Ttl, CancellationToken.None);
        var reclaimed = await Store().TryReclaimAsync(renewed, Ttl, CancellationToken.None);
        await Store().ReleaseAsync(reclaimed!, CancellationToken.None);

        var (acquired, expires) = await connection.QuerySingleAsync<(DateTime, DateTime)>(
            "SELECT acquired_at, expires_at FROM leases WHERE name = @Name", new { lease.Name });
        Assert.True(expires >= acquired);
        Assert.True(renewed.ExpiresAt >= lease.ExpiresAt);
    }
}
