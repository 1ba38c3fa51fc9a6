using DrainOrchestrator.Application.Reports;
using DrainOrchestrator.Persistence.Drains;
using DrainOrchestrator.Persistence.Journal.Events;
using DrainOrchestrator.Persistence.Workflows;
using DrainOrchestrator.Testing;

namespace DrainOrchestrator.Engine.Tests.Application.Reports;

/// <summary>The report of a workflow instance, from its records: each drain once, and every operator's signal.</summary>
public sealed class WorkflowReportTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    [Fact]
    public async Task WorkflowAsync_DrainJournaledByTwoRunsAndACancelBetweenWindows_TheDrainOnceAndTheCancelByItsOperator()
    {
        var store = new WorkflowStore(database.DataSource, TimeProvider.System, "engine-a");
        var id = Guid.NewGuid();
        var name = "wf-" + id.ToString("N")[..8];
        await store.CreateAsync(id, name, "maintenance-window", 1, new string('a', 64), "name: x", "{}", "cluster-1", "ops@drainctl",
            CancellationToken.None);
        var drainId = Guid.NewGuid();
        await new DrainStore(database.DataSource, TimeProvider.System).CreateAsync(
            new NewDrain(drainId, name + "-moveback", "cluster-1", [name + "-node"], "{}", "workflow/" + name), CancellationToken.None);

        // A move-back step attached to its drain in two windows; between them the instance was suspended and cancelled.
        await store.SetStateAsync(id, "running", null, null, CancellationToken.None);
        await store.JournalAsync(id, new WorkflowDrainStarted("back", drainId, name + "-moveback"), CancellationToken.None);
        await store.SetStateAsync(id, "suspended", "the next window", null, CancellationToken.None);
        await store.JournalAsync(id, new WorkflowDrainStarted("back", drainId, name + "-moveback"), CancellationToken.None);
        Assert.True(await store.SignalAsync(id, "cancelled", "cancelled by api/ops", "api/ops", CancellationToken.None));

        var report = await new ReportApplication(database.DataSource, TimeProvider.System).WorkflowAsync(id.ToString("D"), CancellationToken.None);

        Assert.Single(report.Drains);
        var cancel = Assert.Single(report.Workflow!.Actions, a => a.Action == "cancel");
        Assert.Equal(("api/ops", "suspended -> cancelled"), (cancel.Actor, cancel.Detail));
    }
}
