using DrainOrchestrator.Persistence.Journal;
using DrainOrchestrator.Persistence.Journal.Events;
using DrainOrchestrator.Persistence.Workflows;
using DrainOrchestrator.Testing;

namespace DrainOrchestrator.Persistence.Tests.Workflows;

/// <summary>The workflow journal: every change WorkflowStore makes is journaled with it, in order, once.</summary>
public sealed class WorkflowJournalTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private readonly WorkflowStore _store = new(database.DataSource, TimeProvider.System, "engine-a");
    private readonly JournalStore _journal = new(database.DataSource, TimeProvider.System);

    private async Task<Guid> CreateAsync()
    {
        var id = Guid.NewGuid();
        await _store.CreateAsync(id, "wf-" + id.ToString("N")[..8], "maintenance-window", 1, new string('a', 64), "name: x", "{}", "cluster-1", "ops@drainctl",
            CancellationToken.None);
        return id;
    }

    private async Task<List<JournalEvent>> EventsAsync(Guid id) =>
        [.. (await _journal.ReadWorkflowAsync(id, CancellationToken.None)).Select(e => e.ReadEvent())];

    [Fact]
    public async Task StoreWrites_ARun_JournalsEachChangeInOrder()
    {
        var id = await CreateAsync();

        await _store.SetStateAsync(id, "running", null, null, CancellationToken.None);
        await _store.BeginStepAsync(id, "select", "SelectNodes", "{}", CancellationToken.None);
        await _store.EndStepAsync(id, "select", "succeeded", """{"nodes":["w1"]}""", CancellationToken.None);
        await _store.BeginStepAsync(id, "batches[0]/go", "Approval", "{}", CancellationToken.None);
        await _store.SetStateAsync(id, "waiting", "approval of go", null, CancellationToken.None);
        await _store.ApproveAsync(id, "batches[0]/go", "ops@drainctl", CancellationToken.None);
        await _store.SetStateAsync(id, "running", null, null, CancellationToken.None);
        await _store.EndStepAsync(id, "batches[0]/go", "failed", """{"reason":"not approved in time"}""", CancellationToken.None);
        await _store.SetStateAsync(id, "failed", null, "step go failed", CancellationToken.None);

        Assert.Equal(
        [
            new WorkflowCreated("maintenance-window", 1, new string('a', 64), "ops@drainctl"),
            new WorkflowStateChanged("pending", "running", null),
            new WorkflowStepStarted("select", "SelectNodes"),
            new WorkflowStepSucceeded("select", "SelectNodes", null),
            new WorkflowStepStarted("batches[0]/go", "Approval"),
            new WorkflowStateChanged("running", "waiting", "approval of go"),
            new WorkflowApprovalGranted("batches[0]/go", "ops@drainctl"),
            new WorkflowStateChanged("waiting", "running", null),
            new WorkflowStepFailed("batches[0]/go", "Approval", "not approved in time"),
            new WorkflowStateChanged("running", "failed", "step go failed"),
        ], await EventsAsync(id));
    }

    [Fact]
    public async Task SetState_RunnersMovesOnAPausedInstance_LeaveThePauseAndItsReason()
    {
        var id = await CreateAsync();
        await _store.SetStateAsync(id, "running", null, null, CancellationToken.None);
        Assert.True(await _store.SignalAsync(id, "paused", "paused by api/olga", "api/olga", CancellationToken.None));

        // The runner, unaware of the pause, goes on waiting, runs on, or suspends at a window's end.
        Assert.False(await _store.SetStateAsync(id, "waiting", "approval of go", null, CancellationToken.None));
        Assert.False(await _store.SetStateAsync(id, "running", null, null, CancellationToken.None));
        Assert.False(await _store.SetStateAsync(id, "suspended", "the next window", null, CancellationToken.None));

        var instance = await _store.FindAsync(id.ToString("D"), CancellationToken.None);
        Assert.Equal(("paused", "paused by api/olga"), (instance!.State, instance.WaitingFor));
        // Its own pause (a failed step under onFailure: pause) and its end still are written.
        Assert.True(await _store.SetStateAsync(id, "failed", null, "step go failed", CancellationToken.None));
    }

    [Fact]
    public async Task DrainsOfStepRun_AfterTheStepIsReopened_OnlyTheDrainsStartedSince()
    {
        var id = await CreateAsync();
        var (first, second, other) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await _store.BeginStepAsync(id, "drain", "Drain", "{}", CancellationToken.None);
        await _store.JournalAsync(id, new WorkflowDrainStarted("drain", first, "wf-drain"), CancellationToken.None);
        await _store.BeginStepAsync(id, "other", "Drain", "{}", CancellationToken.None);
        await _store.JournalAsync(id, new WorkflowDrainStarted("other", other, "wf-other"), CancellationToken.None);
        // A repeat of the step after a crash keeps its drain; a reopening (the operator resumed it after a failure) does not.
        await _store.BeginStepAsync(id, "drain", "Drain", "{}", CancellationToken.None);
        Assert.Equal([first], (await _store.DrainsOfStepRunAsync(id, "drain", CancellationToken.None)).Select(d => d.DrainId));

        await _store.EndStepAsync(id, "drain", "failed", "{}", CancellationToken.None);
        await _store.ReopenStepAsync(id, "drain", CancellationToken.None);
        Assert.Empty(await _store.DrainsOfStepRunAsync(id, "drain", CancellationToken.None));
        await _store.JournalAsync(id, new WorkflowDrainStarted("drain", second, "wf-drain-2"), CancellationToken.None);
        Assert.Equal([second], (await _store.DrainsOfStepRunAsync(id, "drain", CancellationToken.None)).Select(d => d.DrainId));
    }

    [Fact]
    public async Task StoreWrites_Repeated_JournaledOnce()
    {
        var id = await CreateAsync();

        await _store.SetStateAsync(id, "running", null, null, CancellationToken.None);
        await _store.SetStateAsync(id, "running", null, null, CancellationToken.None);
        await _store.BeginStepAsync(id, "soak", "Soak", "{}", CancellationToken.None);
        await _store.BeginStepAsync(id, "soak", "Soak", "{}", CancellationToken.None);
        await _store.ApproveAsync(id, "soak", "a", CancellationToken.None);
        await _store.ApproveAsync(id, "soak", "b", CancellationToken.None);
        await _store.SignalAsync(id, "cancelled", "cancelled by ops", "ops@drainctl", CancellationToken.None);
        await _store.SignalAsync(id, "cancelled", "cancelled by ops", "ops@drainctl", CancellationToken.None);

        var events = await EventsAsync(id);
        Assert.Single(events.OfType<WorkflowStepStarted>());
        Assert.Single(events.OfType<WorkflowApprovalGranted>());
        Assert.Equal(2, events.OfType<WorkflowStateChanged>().Count());
        var entries = await _journal.ReadWorkflowAsync(id, CancellationToken.None);
        Assert.Equal(("ops@drainctl", "workflow.state_changed"), (entries[^1].Actor, entries[^1].Kind));
    }

    [Fact]
    public async Task ReopenStep_AfterAFailure_JournaledAsStartedAgain()
    {
        var id = await CreateAsync();
        await _store.BeginStepAsync(id, "hook", "Hook", "{}", CancellationToken.None);
        await _store.EndStepAsync(id, "hook", "failed", """{"reason":"answered 500"}""", CancellationToken.None);

        await _store.ReopenStepAsync(id, "hook", CancellationToken.None);
        await _store.EndStepAsync(id, "hook", "succeeded", "{}", CancellationToken.None);

        Assert.Equal(
        [
            new WorkflowStepStarted("hook", "Hook"),
            new WorkflowStepFailed("hook", "Hook", "answered 500"),
            new WorkflowStepStarted("hook", "Hook"),
            new WorkflowStepSucceeded("hook", "Hook", null),
        ], (await EventsAsync(id)).Skip(1));
    }

    [Fact]
    public async Task ReadAfter_AllDrains_LeavesWorkflowEventsOut()
    {
        var before = (await _journal.ReadAfterAsync(null, 0, 100_000, CancellationToken.None)).Count;
        var id = await CreateAsync();
        await _store.JournalAsync(id, new WorkflowGateBlocked("alerts", "1 series"), CancellationToken.None);

        var after = await _journal.ReadAfterAsync(null, 0, 100_000, CancellationToken.None);

        Assert.Equal(before, after.Count);
        Assert.Equal(2, (await EventsAsync(id)).Count);
    }
}
