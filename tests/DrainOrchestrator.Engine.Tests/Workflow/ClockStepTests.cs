using DrainOrchestrator.Engine.Tests.Fakes;
using DrainOrchestrator.Engine.Workflow;
using DrainOrchestrator.Persistence.Attempts;
using DrainOrchestrator.Persistence.Leases;
using DrainOrchestrator.Testing;

namespace DrainOrchestrator.Engine.Tests.Workflow;

/// <summary>
/// The engine's wall clock stepping backwards mid-drain changes nothing: leases run on PostgreSQL's clock, so the
/// heartbeat keeps the lease (no CHECK on its times fails) and nobody can take the drain over while its owner acts.
/// </summary>
public sealed class ClockStepTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    [Fact]
    public async Task RunAsync_EngineClockStepsAnHourBack_DrainCompletes()
    {
        var cluster = new FakeCluster().AddNode("w1").AddNode("w2").AddNode("w3");
        for (var i = 0; i < 6; i++)
        {
            cluster.AddVmi($"c{i}", "w1");
        }

        var clock = new SteppingClock();
        var harness = new DrainHarness(database.DataSource, cluster) { Time = clock };
        var id = await harness.LaunchAsync(DrainHarness.FastPolicy(), "w1");
        var stepped = false;
        Lease? takenOver = null;

        var result = await harness.RunAsync(id, "engine-a", async () =>
        {
            if (!stepped && cluster.CreatesByName.Count > 0)
            {
                stepped = true;
                clock.Step(TimeSpan.FromHours(-1));
                // The cluster holds still for longer than the lease, so the heartbeat and the lease's confirmation
                // both run on the stepped clock before the drain can end.
                await Task.Delay(DrainHarness.Options("engine-a").LeaseDuration * 1.5);
                takenOver = await new LeaseStore(database.DataSource).TryAcquireAsync(
                    OwnershipLease.NameFor(id), "engine-b", TimeSpan.FromMinutes(5), CancellationToken.None);
            }
        });

        Assert.True(stepped);
        Assert.Null(takenOver);
        Assert.Equal(DrainRunState.Succeeded, result.State);
        var attempts = await new AttemptStore(database.DataSource, TimeProvider.System).ListAsync(id, CancellationToken.None);
        Assert.All(attempts, a => Assert.Equal(AttemptOutcome.Succeeded, a.Outcome));
    }
}
