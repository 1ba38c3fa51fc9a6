using DrainOrchestrator.Application.Drains;
using DrainOrchestrator.Application.Requests;
using DrainOrchestrator.Application.Workflows;
using DrainOrchestrator.Testing;
using Microsoft.Extensions.Time.Testing;

namespace DrainOrchestrator.Engine.Tests.Application.Schedules;

/// <summary>Firing what is due: on time under either misfire policy, late within the grace, never once its window closed.</summary>
public sealed class ScheduleFiringTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    // Saturdays 02:00 UTC, a 10 minute window.
    private static readonly DateTimeOffset Due = new(2027, 1, 2, 2, 0, 0, TimeSpan.Zero);

    private static string Workflow(string misfire) => $$"""
        apiVersion: drain-orchestrator.io/v1
        kind: Workflow
        metadata: {name: saturday}
        schedule: {cron: "0 2 * * 6", timeZone: UTC, duration: 10m, misfire: {{misfire}}}
        steps:
          - {id: select, kind: selectNodes, names: [w1]}
          - {id: drain, kind: drain}
        """;

    [Theory]
    [InlineData("{policy: skip}", 0.4, "fired")]
    [InlineData("{policy: fireLate, grace: 1h}", 300, "fired")]
    [InlineData("{policy: skip}", 120, "skipped")]
    [InlineData("{policy: fireLate, grace: 1h}", 900, "skipped")]
    public async Task FireDueAsync_TickedThisLateAfterTheOccurrence_FiredOrSkipped(string misfire, double secondsLate, string outcome)
    {
        var clock = new FakeTimeProvider(Due.AddDays(-1));
        var schedules = new ScheduleApplication(database.DataSource, clock);
        var name = "sat-" + Guid.NewGuid().ToString("N")[..8];
        await schedules.CreateAsync(name, new WorkflowSource("saturday.yaml", Workflow(misfire)), "cluster-" + name, new Dictionary<string, string>(),
            new Caller("ops", "drainctl"), CancellationToken.None);
        clock.SetUtcNow(Due.AddSeconds(secondsLate));

        var fired = await schedules.FireDueAsync("engine-a", CancellationToken.None);

        var firing = Assert.Single(await schedules.FiringsAsync(name, CancellationToken.None));
        Assert.Equal((Due, outcome), (firing.DueAt, firing.Outcome));
        Assert.Equal(outcome == "fired" ? 1 : 0, fired.Count);
        if (secondsLate >= 600)
        {
            Assert.Contains("its window closed", firing.Reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task DeleteAsync_WhileAnInstanceIsSuspended_RefusedNamingIt_ThenDeletedAndTheNameFreeAgain()
    {
        var clock = new FakeTimeProvider(Due.AddDays(-1));
        var schedules = new ScheduleApplication(database.DataSource, clock);
        var name = "sat-" + Guid.NewGuid().ToString("N")[..8];
        var source = new WorkflowSource("saturday.yaml", Workflow("{policy: fireLate, grace: 1h}"));
        var caller = new Caller("ops", "drainctl");
        await schedules.CreateAsync(name, source, "cluster-" + name, new Dictionary<string, string>(), caller, CancellationToken.None);
        clock.SetUtcNow(Due.AddSeconds(1));
        var instance = Assert.Single(await schedules.FireDueAsync("engine-a", CancellationToken.None));
        var store = new Persistence.Workflows.WorkflowStore(database.DataSource, clock, "engine-a");
        await store.SetStateAsync(instance, "suspended", "the next window", null, CancellationToken.None);

        var refused = await Assert.ThrowsAsync<RequestConflictException>(() => schedules.DeleteAsync(name, CancellationToken.None));

        Assert.Contains($"{name}-20270102-020000 (suspended)", refused.Problems.Single().Message, StringComparison.Ordinal);
        Assert.Contains("drainctl workflow cancel", refused.Problems.Single().Message, StringComparison.Ordinal);
        Assert.True(await store.SignalAsync(instance, "cancelled", "cancelled by drainctl/ops", "drainctl/ops", CancellationToken.None));
        await schedules.DeleteAsync(name, CancellationToken.None);
        Assert.DoesNotContain(await schedules.ListAsync(CancellationToken.None), s => s.Name == name);
        // Its occurrences stay recorded and readable by its name until another schedule takes the name.
        Assert.Equal(instance, Assert.Single(await schedules.FiringsAsync(name, CancellationToken.None)).InstanceId);
        var again = await schedules.CreateAsync(name, source, "cluster-" + name, new Dictionary<string, string>(), caller, CancellationToken.None);
        Assert.Equal(name, again.Name);
        Assert.Empty(await schedules.FiringsAsync(name, CancellationToken.None));
        await Assert.ThrowsAsync<DrainNotFoundException>(() => schedules.FiringsAsync("never-" + name, CancellationToken.None));
        await Assert.ThrowsAsync<InvalidRequestException>(() =>
            schedules.CreateAsync(name, source, "cluster-" + name, new Dictionary<string, string>(), caller, CancellationToken.None));
    }

    [Fact]
    public async Task FireDueAsync_AnInstanceAlreadyHoldsTheOccurrencesName_FiredUnderANameOfItsOwn()
    {
        var clock = new FakeTimeProvider(Due.AddDays(-1));
        var schedules = new ScheduleApplication(database.DataSource, clock);
        var name = "sat-" + Guid.NewGuid().ToString("N")[..8];
        await schedules.CreateAsync(name, new WorkflowSource("saturday.yaml", Workflow("{policy: fireLate, grace: 1h}")), "cluster-" + name,
            new Dictionary<string, string>(), new Caller("ops", "drainctl"), CancellationToken.None);
        // An operator's instance took the name the occurrence's instance would get.
        await new Persistence.Workflows.WorkflowStore(database.DataSource, clock, "engine-a").CreateAsync(Guid.NewGuid(), $"{name}-20270102-020000",
            "saturday", 1, new string('a', 64), "name: x", "{}", "cluster-" + name, "api/ops", CancellationToken.None);
        clock.SetUtcNow(Due.AddSeconds(1));

        var fired = await schedules.FireDueAsync("engine-a", CancellationToken.None);

        Assert.Single(fired);
        Assert.Equal("fired", Assert.Single(await schedules.FiringsAsync(name, CancellationToken.None)).Outcome);
    }
}
