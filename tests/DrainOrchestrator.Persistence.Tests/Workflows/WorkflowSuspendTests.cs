using DrainOrchestrator.Persistence.Workflows;
using DrainOrchestrator.Testing;
using Microsoft.Extensions.Time.Testing;

namespace DrainOrchestrator.Persistence.Tests.Workflows;

/// <summary>
/// An instance suspended at the end of its window waits for its schedule's next occurrence; when that schedule was
/// deleted while the instance ran, the suspension says so and how to go on, and a schedule created again under the name
/// takes the instance up.
/// </summary>
public sealed class WorkflowSuspendTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private static readonly DateTimeOffset Start = new(2027, 3, 6, 2, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(Start);

    [Fact]
    public async Task Suspend_ItsScheduleLive_WaitsForTheNextWindowAsToldAndNamesNoOrphan()
    {
        var (schedules, instances, schedule, instance) = await RunningInstanceAsync();

        var (written, orphaned) = await instances.SuspendAsync(instance, "the next window of its schedule", CancellationToken.None);

        Assert.True(written);
        Assert.Null(orphaned);
        var record = (await instances.FindAsync(instance.ToString("D"), CancellationToken.None))!;
        Assert.Equal(("suspended", "the next window of its schedule"), (record.State, record.WaitingFor));
        var (_, found) = await schedules.DeleteAsync(schedule.Name, CancellationToken.None);
        Assert.Equal([record.Name + " (suspended)"], found);
    }

    [Fact]
    public async Task Suspend_ItsScheduleDeletedWhileItRan_SaysSoAndHowToGoOn_AScheduleCreatedAgainUnderTheNameResumesIt()
    {
        var (schedules, instances, schedule, instance) = await RunningInstanceAsync();
        var (found, suspended) = await schedules.DeleteAsync(schedule.Name, CancellationToken.None);
        Assert.True(found);
        Assert.Empty(suspended);

        var (written, orphaned) = await instances.SuspendAsync(instance, "the next window of its schedule", CancellationToken.None);

        Assert.True(written);
        Assert.Equal(schedule.Name, orphaned);
        var record = (await instances.FindAsync(instance.ToString("D"), CancellationToken.None))!;
        Assert.Equal("suspended", record.State);
        Assert.StartsWith("the next window of its schedule; its schedule " + schedule.Name + " was deleted", record.WaitingFor, StringComparison.Ordinal);
        Assert.Contains("create a schedule named " + schedule.Name + " again", record.WaitingFor, StringComparison.Ordinal);
        Assert.Contains("drainctl workflow cancel " + record.Name, record.WaitingFor, StringComparison.Ordinal);

        var again = await schedules.CreateAsync(Schedule(schedule.Name), CancellationToken.None);
        _clock.Advance(TimeSpan.FromDays(7));
        var (claimed, fired) = await schedules.ClaimAsync(again, Start.AddDays(7), null, Guid.NewGuid(), schedule.Name + "-2", "engine-b", CancellationToken.None);
        Assert.True(claimed);
        Assert.Equal(instance, fired);
        Assert.Equal("pending", (await instances.FindAsync(instance.ToString("D"), CancellationToken.None))!.State);
    }

    [Fact]
    public async Task Suspend_AnInstanceNoScheduleFired_NamesNoOrphan()
    {
        var instances = new WorkflowStore(database.DataSource, _clock, "engine-a");
        var id = Guid.NewGuid();
        await instances.CreateAsync(id, "by-hand-" + id.ToString("N")[..8], "window", 1, new string('b', 64), "name: x", "{}", "cluster-1", "alice",
            CancellationToken.None);
        await instances.SetStateAsync(id, "running", null, null, CancellationToken.None);

        var (written, orphaned) = await instances.SuspendAsync(id, "the next window", CancellationToken.None);

        Assert.True(written);
        Assert.Null(orphaned);
        Assert.Equal("the next window", (await instances.FindAsync(id.ToString("D"), CancellationToken.None))!.WaitingFor);
    }

    private async Task<(ScheduleStore Schedules, WorkflowStore Instances, ScheduleRecord Schedule, Guid Instance)> RunningInstanceAsync()
    {
        var schedules = new ScheduleStore(database.DataSource, _clock);
        var instances = new WorkflowStore(database.DataSource, _clock, "engine-a");
        var schedule = await schedules.CreateAsync(Schedule("weekly-" + Guid.NewGuid().ToString("N")[..8]), CancellationToken.None);
        var (_, fired) = await schedules.ClaimAsync(schedule, Start, null, Guid.NewGuid(), schedule.Name + "-1", "engine-a", CancellationToken.None);
        await instances.SetStateAsync(fired!.Value, "running", null, null, CancellationToken.None);
        return (schedules, instances, schedule, fired.Value);
    }

    private static ScheduleRecord Schedule(string name) =>
        new(Guid.NewGuid(), name, "cluster-1", "window", 1, "name: x", new string('b', 64), "{}", "0 2 * * 6", "UTC", 3600, "[]", "fireLate", 600, "ops", Start);
}
