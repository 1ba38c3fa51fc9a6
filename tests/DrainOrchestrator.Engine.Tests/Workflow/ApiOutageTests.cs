using DrainOrchestrator.Engine.Tests.Fakes;
using DrainOrchestrator.Persistence.Attempts;
using DrainOrchestrator.Testing;

namespace DrainOrchestrator.Engine.Tests.Workflow;

/// <summary>
/// A Kubernetes API server that keeps failing a step's call (here the cordon) beyond the client's own retries, as a
/// partition does, is ridden out: the steps run again from the journal until the API outage timeout, and only past it
/// does the run stop as interrupted. No VM is charged an attempt either way.
/// </summary>
public sealed class ApiOutageTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    [Fact]
    public async Task RunAsync_CordonAnswered503SeveralTimes_RidesItOutAndSucceeds()
    {
        var (cluster, harness) = Setup(TimeSpan.FromMinutes(1));
        cluster.UnavailableCordons = 4;
        var policy = DrainHarness.FastPolicy();
        var id = await harness.LaunchAsync(policy with { Failure = policy.Failure with { MaxAttempts = 1 } }, "w1");

        var result = await harness.RunAsync(id);

        Assert.Equal(DrainRunState.Succeeded, result.State);
        Assert.Equal(0, cluster.UnavailableCordons);
        var attempts = await new AttemptStore(database.DataSource, TimeProvider.System).ListAsync(id, CancellationToken.None);
        Assert.All(attempts, a => Assert.Equal(AttemptOutcome.Succeeded, a.Outcome));
        Assert.DoesNotContain(cluster.Current.Vmis, v => v.Status?.NodeName == "w1");
    }

    [Fact]
    public async Task RunAsync_CordonFailingLongerThanTheOutageTimeout_InterruptedNamingTheTimeout()
    {
        var (cluster, harness) = Setup(TimeSpan.FromSeconds(1));
        cluster.UnavailableCordons = int.MaxValue;
        var id = await harness.LaunchAsync(DrainHarness.FastPolicy(), "w1");

        var result = await harness.RunAsync(id);

        Assert.Equal(DrainRunState.Interrupted, result.State);
        Assert.Contains("longer than the API outage timeout of 1s", result.Reason, StringComparison.Ordinal);
        Assert.Empty(await new AttemptStore(database.DataSource, TimeProvider.System).ListAsync(id, CancellationToken.None));
    }

    private (FakeCluster Cluster, DrainHarness Harness) Setup(TimeSpan outageTimeout)
    {
        var cluster = new FakeCluster().AddNode("w1").AddNode("w2").AddNode("w3");
        for (var i = 0; i < 3; i++)
        {
            cluster.AddVmi($"p{i}", "w1");
        }

        var harness = new DrainHarness(database.DataSource, cluster)
        {
            OptionsFor = holder => DrainHarness.Options(holder) with
            {
                ApiOutageTimeout = outageTimeout,
                ApiRetryDelay = TimeSpan.FromMilliseconds(20),
                ApiRetryMaxDelay = TimeSpan.FromMilliseconds(100),
            },
        };
        return (cluster, harness);
    }
}
