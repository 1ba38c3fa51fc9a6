using Dapper;
using DrainOrchestrator.Persistence.Leases;
using DrainOrchestrator.Testing;

namespace DrainOrchestrator.Persistence.Tests.Leases;

public sealed class LeaseStoreTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(30);
    private readonly ManualTimeProvider _clock = new();

    private LeaseStore Store() => new(database.DataSource, _clock);

    private static string NewName() => "drain/" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task TryAcquireAsync_Free_GrantsEpochOne()
    {
        var lease = await Store().TryAcquireAsync(NewName(), "engine-a", Ttl, CancellationToken.None);

        Assert.NotNull(lease);
        Assert.Equal(1, lease.Epoch);
        Assert.Equal(_clock.GetUtcNow() + Ttl, lease.ExpiresAt);
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
        var first = await Store().TryAcquireAsync(name, "engine-a", Ttl, CancellationToken.None);
        _clock.Advance(Ttl + TimeSpan.FromSeconds(1));

        var second = await Store().TryAcquireAsync(name, "engine-b", Ttl, CancellationToken.None);

        Assert.NotNull(second);
        Assert.Equal(first!.Epoch + 1, second.Epoch);
    }

    [Fact]
    public async Task RenewAsync_AfterTakeOver_ThrowsLeaseLost()
    {
        var name = NewName();
        var first = await Store().TryAcquireAsync(name, "engine-a", Ttl, CancellationToken.None);
        _clock.Advance(Ttl + TimeSpan.FromSeconds(1));
        await Store().TryAcquireAsync(name, "engine-b", Ttl, CancellationToken.None);

        var ex = await Assert.ThrowsAsync<LeaseLostException>(() => Store().RenewAsync(first!, Ttl, CancellationToken.None));

        Assert.Equal(name, ex.LeaseName);
    }

    [Fact]
    public async Task RenewAsync_WhileHeld_ExtendsExpiry()
    {
        var lease = await Store().TryAcquireAsync(NewName(), "engine-a", Ttl, CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(20));

        var renewed = await Store().RenewAsync(lease!, Ttl, CancellationToken.None);

        Assert.Equal(_clock.GetUtcNow() + Ttl, renewed.ExpiresAt);
        Assert.Equal(lease!.Epoch, renewed.Epoch);
    }

    [Fact]
    public async Task EnsureHeldAsync_StaleOwnerAfterTakeOver_RefusedWhileNewOwnerWrites()
    {
        var name = NewName();
        var stale = await Store().TryAcquireAsync(name, "engine-a", Ttl, CancellationToken.None);
        _clock.Advance(Ttl + TimeSpan.FromSeconds(1));
        var current = await Store().TryAcquireAsync(name, "engine-b", Ttl, CancellationToken.None);
        var marker = Guid.NewGuid().ToString("N");
        await using var connection = await database.DataSource.OpenConnectionAsync();

        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await Assert.ThrowsAsync<LeaseLostException>(() => Store().EnsureHeldAsync(transaction, stale!, CancellationToken.None));
        }

        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await Store().EnsureHeldAsync(transaction, current!, CancellationToken.None);
            await connection.ExecuteAsync(
                "INSERT INTO event_journal (occurred_at, kind, actor, lease_epoch, payload) VALUES (@now, 'fenced', 'engine-b', @epoch, jsonb_build_object('marker', @marker::text))",
                new { now = _clock.GetUtcNow(), epoch = current!.Epoch, marker }, transaction);
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
        var lease = await Store().TryAcquireAsync(NewName(), "engine-a", Ttl, CancellationToken.None);
        _clock.Advance(Ttl + TimeSpan.FromMinutes(5));

        var reclaimed = await Store().TryReclaimAsync(lease!, Ttl, CancellationToken.None);

        Assert.NotNull(reclaimed);
        Assert.Equal(lease!.Epoch, reclaimed.Epoch);
        Assert.Equal(_clock.GetUtcNow() + Ttl, reclaimed.ExpiresAt);
        Assert.Null(await Store().TryAcquireAsync(lease.Name, "engine-b", Ttl, CancellationToken.None));
    }

    [Fact]
    public async Task TryReclaimAsync_TakenOverMeanwhile_Null()
    {
        var name = NewName();
        var first = await Store().TryAcquireAsync(name, "engine-a", Ttl, CancellationToken.None);
        _clock.Advance(Ttl + TimeSpan.FromSeconds(1));
        var second = await Store().TryAcquireAsync(name, "engine-b", Ttl, CancellationToken.None);

        Assert.Null(await Store().TryReclaimAsync(first!, Ttl, CancellationToken.None));
        Assert.Equal(second!.Epoch, (await Store().RenewAsync(second, Ttl, CancellationToken.None)).Epoch);
    }

    [Fact]
    public async Task TryReclaimAsync_TakenOverAndReleasedMeanwhile_Null()
    {
        var name = NewName();
        var first = await Store().TryAcquireAsync(name, "engine-a", Ttl, CancellationToken.None);
        _clock.Advance(Ttl + TimeSpan.FromSeconds(1));
        var second = await Store().TryAcquireAsync(name, "engine-b", Ttl, CancellationToken.None);
        await Store().ReleaseAsync(second!, CancellationToken.None);

        Assert.Null(await Store().TryReclaimAsync(first!, Ttl, CancellationToken.None));
    }
}
