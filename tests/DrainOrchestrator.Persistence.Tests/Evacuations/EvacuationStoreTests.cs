using Dapper;
using DrainOrchestrator.Persistence.Evacuations;
using DrainOrchestrator.Persistence.Leases;
using DrainOrchestrator.Testing;
using Npgsql;

namespace DrainOrchestrator.Persistence.Tests.Evacuations;

public sealed class EvacuationStoreTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 0, 0, 0, TimeSpan.Zero);

    private EvacuationStore Store => new(database.DataSource);

    private static NewEvacuation New(string cluster) => new(Guid.NewGuid(), cluster, "apps", cluster, "moved", null, 3, false, "cli/test",
        [new NewEvacuationVm("web-1", "uid-1", 1, 0, 1 << 30, 0), new NewEvacuationVm("web-2", "uid-2", 1, 1, 1 << 30, 5L << 30)]);

    private async Task<(EvacuationRecord Record, Lease Lease)> OwnedAsync()
    {
        var (record, _) = await Store.CreateOrAttachAsync(New("https://" + Guid.NewGuid().ToString("N")), Now, CancellationToken.None);
        var lease = await new LeaseStore(database.DataSource).TryAcquireAsync(record.LeaseName, "engine-a", TimeSpan.FromSeconds(30), CancellationToken.None);
        return (record, lease!);
    }

    [Fact]
    public async Task CreateOrAttachAsync_SecondStartOfTheSameSourceNamespace_AttachesToTheRunningOne()
    {
        var first = New("https://" + Guid.NewGuid().ToString("N"));
        var (created, attachedFirst) = await Store.CreateOrAttachAsync(first, Now, CancellationToken.None);
        var (again, attachedSecond) = await Store.CreateOrAttachAsync(first with { Id = Guid.NewGuid() }, Now, CancellationToken.None);

        Assert.False(attachedFirst);
        Assert.True(attachedSecond);
        Assert.Equal(created.Id, again.Id);
        Assert.Equal(["web-1", "web-2"], (await Store.VmsAsync(created.Id, CancellationToken.None)).Select(v => v.VmName));
    }

    [Fact]
    public async Task UpdateVmAsync_WithTheLease_ChangesTheRowAndJournals()
    {
        var (record, lease) = await OwnedAsync();

        await Store.UpdateVmAsync(lease, record.Id, "web-2", new EvacuationVmChange(EvacuationVmState.Moving, 1, SourceNode: "node-1", Started: true),
            new EvacuationAppend(EvacuationJournalKinds.AttemptStarted, "web-2", 1), Now, CancellationToken.None);

        var vm = (await Store.VmsAsync(record.Id, CancellationToken.None)).Single(v => v.VmName == "web-2");
        Assert.Equal((EvacuationVmState.Moving, 1, "node-1"), (vm.State, vm.Attempt, vm.SourceNode));
        Assert.Contains(await Store.JournalAsync(record.Id, CancellationToken.None), e => e.Kind == EvacuationJournalKinds.AttemptStarted && e.LeaseEpoch == lease.Epoch);
    }

    [Fact]
    public async Task UpdateVmAsync_LeaseTakenOver_ThrowsAndWritesNothing()
    {
        var (record, lease) = await OwnedAsync();
        var stale = lease with { Epoch = lease.Epoch + 1 };

        await Assert.ThrowsAsync<LeaseLostException>(() => Store.UpdateVmAsync(stale, record.Id, "web-1",
            new EvacuationVmChange(EvacuationVmState.Succeeded, 1, Finished: true), new EvacuationAppend(EvacuationJournalKinds.AttemptSucceeded, "web-1", 1),
            Now, CancellationToken.None));

        Assert.Equal(EvacuationVmState.Planned, (await Store.VmsAsync(record.Id, CancellationToken.None)).Single(v => v.VmName == "web-1").State);
        Assert.DoesNotContain(await Store.JournalAsync(record.Id, CancellationToken.None), e => e.Kind == EvacuationJournalKinds.AttemptSucceeded);
    }

    [Fact]
    public async Task AppendAsync_SameObjectIntendedTwiceInOneAttempt_RefusedByTheSchema()
    {
        var (record, lease) = await OwnedAsync();
        var intent = new EvacuationAppend(EvacuationJournalKinds.Intended(EvacuationJournalKinds.Objects.SourceVmim), "web-1", 1, "source", "web-1-out-abc");

        await Store.AppendAsync(lease, record.Id, intent, Now, CancellationToken.None);
        var twice = await Assert.ThrowsAsync<PostgresException>(() => Store.AppendAsync(lease, record.Id, intent, Now, CancellationToken.None));
        await Store.AppendAsync(lease, record.Id, intent with { Attempt = 2 }, Now, CancellationToken.None);

        Assert.Equal(PostgresErrorCodes.UniqueViolation, twice.SqlState);
    }

    [Fact]
    public async Task Journal_UpdateOrDelete_RefusedAsAppendOnly()
    {
        var (record, _) = await OwnedAsync();
        await using var connection = await database.DataSource.OpenConnectionAsync();

        var ex = await Assert.ThrowsAsync<PostgresException>(() => connection.ExecuteAsync(
            "DELETE FROM evacuation_journal WHERE evacuation_id = @id", new { id = record.Id }));

        Assert.Contains("append-only", ex.MessageText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FinishAsync_WithTheLease_EndsTheEvacuation()
    {
        var (record, lease) = await OwnedAsync();

        await Store.FinishAsync(lease, record.Id, EvacuationState.Failed, "web-1: cannot connect", Now, CancellationToken.None);

        var finished = await Store.GetAsync(record.Id, CancellationToken.None);
        Assert.Equal((EvacuationState.Failed, "web-1: cannot connect"), (finished!.State, finished.Error));
        Assert.NotNull(finished.FinishedAt);
    }
}
