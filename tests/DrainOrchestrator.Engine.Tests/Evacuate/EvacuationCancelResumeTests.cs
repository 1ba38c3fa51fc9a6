using DrainOrchestrator.Engine.Evacuate;
using DrainOrchestrator.Persistence.Evacuations;
using DrainOrchestrator.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace DrainOrchestrator.Engine.Tests.Evacuate;

/// <summary>
/// A cancel recorded while no process runs the evacuation (its owner crashed, or was stopped) holds when a process
/// resumes it: the new owner takes the lease, sees the cancel, leaves every VM not started alone and ends the evacuation
/// cancelled. No VM was started, so neither cluster is asked anything (the sides' clients are never used).
/// </summary>
public sealed class EvacuationCancelResumeTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    [Fact]
    public async Task RunAsync_CancelRecordedBeforeResume_EndsCancelledWithNoVmStarted()
    {
        var store = new EvacuationStore(database.DataSource);
        var cluster = "https://" + Guid.NewGuid().ToString("N");
        var (record, _) = await store.CreateOrAttachAsync(new NewEvacuation(Guid.NewGuid(), cluster, "apps", cluster, "moved", null, 3, false, "cli/test",
            [new NewEvacuationVm("web-1", "uid-1", 1, 0, 1 << 30, 0), new NewEvacuationVm("web-2", "uid-2", 1, 1, 1 << 30, 0)]),
            TimeProvider.System.GetUtcNow(), CancellationToken.None);
        await store.CancelAsync(record.Id, "api/otto", TimeProvider.System.GetUtcNow(), CancellationToken.None);
        var sides = new EvacuationSides(null!, cluster, null!, cluster);
        var runner = new EvacuationRunner(database.DataSource, sides, new DrainEngineOptions(), new EvacuationOptions(), TimeProvider.System,
            NullLoggerFactory.Instance);

        var result = await runner.RunAsync(record.Id, progress: null, CancellationToken.None);

        Assert.Equal(EvacuationState.Cancelled, result.Evacuation.State);
        Assert.Equal("cancelled: 0 of 2 VM(s) moved; not moved, still running in apps: web-1 (not started: the evacuation was cancelled); "
            + "web-2 (not started: the evacuation was cancelled)", result.Evacuation.Error);
        Assert.All(result.Vms, v => Assert.Equal((EvacuationVmState.Cancelled, 0), (v.State, v.Attempt)));
        var kinds = (await store.JournalAsync(record.Id, CancellationToken.None)).Select(e => e.Kind).ToList();
        Assert.Equal([EvacuationJournalKinds.Planned, EvacuationJournalKinds.CancelRequested, EvacuationJournalKinds.Owned,
            EvacuationJournalKinds.CancelSeen, EvacuationJournalKinds.VmCancelled, EvacuationJournalKinds.VmCancelled, EvacuationJournalKinds.Finished], kinds);
    }
}
