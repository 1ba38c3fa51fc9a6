using DrainOrchestrator.Persistence.Journal;
using DrainOrchestrator.Persistence.Journal.Events;
using DrainOrchestrator.Persistence.Workflows;
using DrainOrchestrator.Testing;
using Microsoft.Extensions.Time.Testing;

namespace DrainOrchestrator.Persistence.Tests.Workflows;

/// <summary>
/// Claimed occurrences: the first creates the instance, the one after a suspension resumes it, both journaled; and when
/// that happened is what a supervisor measures a resumed instance's wait for its job from.
/// </summary>
public sealed class ScheduleFiringTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private static readonly DateTimeOffset Start = new(2027, 3, 6, 2, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(Start);

    [Fact]
    public async Task Claim_AfterASuspension_ResumesThatInstanceAndLastFiredAtIsThisFiring()
    {
        var schedules = new ScheduleStore(database.DataSource, _clock);
        var instances = new WorkflowStore(database.DataSource, _clock, "engine-a");
        var schedule = await schedules.CreateAsync(new ScheduleRecord(Guid.NewGuid(), "weekly-" + Guid.NewGuid().ToString("N")[..8], "cluster-1", "window", 1,
            "name: x", new string('b', 64), "{}", "0 2 * * 6", "UTC", 3600, "[]", "fireLate", 600, "ops", Start), CancellationToken.None);
        var never = Guid.NewGuid();
        Assert.Null(await schedules.LastFiredAtAsync(never, CancellationToken.None));

        var (claimed, fired) = await schedules.ClaimAsync(schedule, Start, null, Guid.NewGuid(), schedule.Name + "-1", "engine-a", CancellationToken.None);
        Assert.True(claimed);
        var instance = fired!.Value;
        Assert.Equal(Start, await schedules.LastFiredAtAsync(instance, CancellationToken.None));
        await instances.SetStateAsync(instance, "running", null, null, CancellationToken.None);
        await instances.SetStateAsync(instance, "suspended", "the next window", null, CancellationToken.None);

        // The next occurrence, claimed 3 s after it fell due.
        _clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromSeconds(3));
        var (_, resumed) = await schedules.ClaimAsync(schedule, Start.AddDays(7), null, Guid.NewGuid(), schedule.Name + "-2", "engine-b", CancellationToken.None);

        Assert.Equal(instance, resumed);
        Assert.Equal("pending", (await instances.FindAsync(instance.ToString("D"), CancellationToken.None))!.State);
        Assert.Equal(_clock.GetUtcNow(), await schedules.LastFiredAtAsync(instance, CancellationToken.None));

        // The instance's journal has both firings: its creation by the first, its resumption by the second.
        var journal = (await new JournalStore(database.DataSource, _clock).ReadWorkflowAsync(instance, CancellationToken.None)).ToList();
        Assert.Equal(
        [
            new WorkflowCreated("window", 1, new string('b', 64), "schedule/" + schedule.Name),
            new WorkflowStateChanged("pending", "running", null),
            new WorkflowStateChanged("running", "suspended", "the next window"),
            new WorkflowStateChanged("suspended", "pending", $"resumed by the occurrence due {Start.AddDays(7):O}"),
        ], journal.Select(e => e.ReadEvent()));
        Assert.Equal("schedule/" + schedule.Name, journal[^1].Actor);
    }

    [Fact]
    public async Task Claim_WhileAnInstanceIsPaused_SkippedNamingItAndNoInstanceCreated()
    {
        var schedules = new ScheduleStore(database.DataSource, _clock);
        var instances = new WorkflowStore(database.DataSource, _clock, "engine-a");
        var schedule = await schedules.CreateAsync(new ScheduleRecord(Guid.NewGuid(), "weekly-" + Guid.NewGuid().ToString("N")[..8], "cluster-1", "window", 1,
            "name: x", new string('b', 64), "{}", "0 2 * * 6", "UTC", 3600, "[]", "fireLate", 600, "ops", Start), CancellationToken.None);
        var (_, fired) = await schedules.ClaimAsync(schedule, Start, null, Guid.NewGuid(), schedule.Name + "-1", "engine-a", CancellationToken.None);
        var instance = fired!.Value;
        await instances.SetStateAsync(instance, "running", null, null, CancellationToken.None);
        Assert.True(await instances.SignalAsync(instance, "paused", "paused by ops", "ops", CancellationToken.None));

        // The operator's pause holds the schedule: the next occurrence neither resumes the instance nor starts another.
        _clock.Advance(TimeSpan.FromDays(7));
        var (claimed, next) = await schedules.ClaimAsync(schedule, Start.AddDays(7), null, Guid.NewGuid(), schedule.Name + "-2", "engine-b", CancellationToken.None);

        Assert.True(claimed);
        Assert.Null(next);
        Assert.Equal("paused", (await instances.FindAsync(instance.ToString("D"), CancellationToken.None))!.State);
        Assert.Null(await instances.FindAsync(schedule.Name + "-2", CancellationToken.None));
    }
}
