using DrainOrchestrator.Persistence.Evacuations;
using DrainOrchestrator.Persistence.Leases;
using DrainOrchestrator.Testing;

namespace DrainOrchestrator.Persistence.Tests.Evacuations;

public sealed class EvacuationCancelTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 0, 0, 0, TimeSpan.Zero);

    private EvacuationStore Store => new(database.DataSource);

    private async Task<EvacuationRecord> CreatedAsync()
    {
        var cluster = "https://" + Guid.NewGuid().ToString("N");
        var (record, _) = await Store.CreateOrAttachAsync(new NewEvacuation(Guid.NewGuid(), cluster, "apps", cluster, "moved", null, 3, false, "cli/test",
            [new NewEvacuationVm("web-1", "uid-1", 1, 0, 1 << 30, 0)]), Now, CancellationToken.None);
        return record;
    }

    [Fact]
    public async Task CancelAsync_Running_RecordsCancellingAndJournalsTheCaller()
    {
        var record = await CreatedAsync();

        var result = await Store.CancelAsync(record.Id, "api/otto", Now, CancellationToken.None);

        Assert.Equal((true, EvacuationState.Running), (result!.Accepted, result.Found));
        Assert.Equal(EvacuationState.Cancelling, (await Store.GetAsync(record.Id, CancellationToken.None))!.State);
        Assert.Contains(await Store.JournalAsync(record.Id, CancellationToken.None),
            e => e.Kind == EvacuationJournalKinds.CancelRequested && e.Detail == "api/otto");
    }

    [Fact]
    public async Task CancelAsync_Twice_AcceptedAgainWithoutASecondEntry()
    {
        var record = await CreatedAsync();
        await Store.CancelAsync(record.Id, "api/otto", Now, CancellationToken.None);

        var again = await Store.CancelAsync(record.Id, "api/anna", Now, CancellationToken.None);

        Assert.Equal((true, EvacuationState.Cancelling), (again!.Accepted, again.Found));
        Assert.Single(await Store.JournalAsync(record.Id, CancellationToken.None), e => e.Kind == EvacuationJournalKinds.CancelRequested);
    }

    [Fact]
    public async Task CancelAsync_Ended_RefusedAndUnchanged()
    {
        var record = await CreatedAsync();
        var lease = await new LeaseStore(database.DataSource).TryAcquireAsync(record.LeaseName, "engine-a", TimeSpan.FromSeconds(30), CancellationToken.None);
        await Store.FinishAsync(lease!, record.Id, EvacuationState.Succeeded, null, Now, CancellationToken.None);

        var result = await Store.CancelAsync(record.Id, "api/otto", Now, CancellationToken.None);

        Assert.False(result!.Accepted);
        Assert.Contains("succeeded", result.Message, StringComparison.Ordinal);
        Assert.Equal(EvacuationState.Succeeded, (await Store.GetAsync(record.Id, CancellationToken.None))!.State);
    }

    [Fact]
    public async Task CancelAsync_Unknown_Null()
    {
        Assert.Null(await Store.CancelAsync(Guid.NewGuid(), "api/otto", Now, CancellationToken.None));
    }

    [Fact]
    public async Task FinishAsync_Cancelling_EndsCancelledAndAnotherStartIsRecordedAfterwards()
    {
        var record = await CreatedAsync();
        await Store.CancelAsync(record.Id, "api/otto", Now, CancellationToken.None);
        var (attached, wasAttached) = await Store.CreateOrAttachAsync(new NewEvacuation(Guid.NewGuid(), record.SourceCluster, "apps", record.TargetCluster,
            "moved", null, 3, false, "cli/test", [new NewEvacuationVm("web-1", "uid-1", 1, 0, 1 << 30, 0)]), Now, CancellationToken.None);
        Assert.True(wasAttached);
        Assert.Equal(record.Id, attached.Id);

        var lease = await new LeaseStore(database.DataSource).TryAcquireAsync(record.LeaseName, "engine-a", TimeSpan.FromSeconds(30), CancellationToken.None);
        await Store.UpdateVmAsync(lease!, record.Id, "web-1", new EvacuationVmChange(EvacuationVmState.Cancelled, 0, Failure: "not started", Finished: true),
            new EvacuationAppend(EvacuationJournalKinds.VmCancelled, "web-1"), Now, CancellationToken.None);
        await Store.FinishAsync(lease!, record.Id, EvacuationState.Cancelled, "cancelled: 0 of 1 VM(s) moved", Now, CancellationToken.None);

        var ended = await Store.GetAsync(record.Id, CancellationToken.None);
        Assert.Equal(EvacuationState.Cancelled, ended!.State);
        Assert.NotNull(ended.FinishedAt);
        Assert.Equal(EvacuationVmState.Cancelled, (await Store.VmsAsync(record.Id, CancellationToken.None)).Single().State);
        var (next, nextAttached) = await Store.CreateOrAttachAsync(new NewEvacuation(Guid.NewGuid(), record.SourceCluster, "apps", record.TargetCluster,
            "moved", null, 3, false, "cli/test", [new NewEvacuationVm("web-1", "uid-1", 1, 0, 1 << 30, 0)]), Now, CancellationToken.None);
        Assert.False(nextAttached);
        Assert.NotEqual(record.Id, next.Id);
    }
}
