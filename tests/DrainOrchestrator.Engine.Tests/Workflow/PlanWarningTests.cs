using DrainOrchestrator.Engine.Cluster;
using DrainOrchestrator.Engine.Tests.Fakes;
using DrainOrchestrator.Persistence.Journal;
using DrainOrchestrator.Persistence.Journal.Events;
using DrainOrchestrator.Testing;
using Microsoft.Extensions.Logging;

namespace DrainOrchestrator.Engine.Tests.Workflow;

public sealed class PlanWarningTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private const string Expected =
        "node w1: annotation drain-orchestrator.io/migration-bandwidth 'fast' is not a quantity of bytes per second such as 1192Mi; assuming 10 Gbit/s";

    [Fact]
    public async Task RunAsync_UnusableBandwidthAnnotation_WarnedInTheLogAndRecordedWithThePlan()
    {
        var cluster = new FakeCluster().AddNode("w1").AddNode("w2").AddVmi("a", "w1")
            .AnnotateNode("w1", HintAnnotations.MigrationBandwidth, "fast");
        var logger = new RecordingLogger();
        var harness = new DrainHarness(database.DataSource, cluster) { Logger = logger };
        var id = await harness.LaunchAsync(DrainHarness.FastPolicy(), "w1");

        var result = await harness.RunAsync(id);

        Assert.True(result.Succeeded, result.Reason);
        var logged = Assert.Single(logger.Entries, e => e.EventId == 3012);
        Assert.Equal(LogLevel.Warning, logged.Level);
        Assert.EndsWith("plan: " + Expected, logged.Message, StringComparison.Ordinal);
        var created = Assert.Single(await new JournalStore(database.DataSource, TimeProvider.System).ReadAsync<PlanCreated>(id, CancellationToken.None));
        Assert.Equal(Expected, Assert.Single(created.Warnings));
    }

    [Fact]
    public async Task RunAsync_UsableAnnotations_NoWarning()
    {
        var cluster = new FakeCluster().AddNode("w1").AddNode("w2").AddVmi("a", "w1")
            .AnnotateNode("w1", HintAnnotations.MigrationBandwidth, "1192Mi")
            .AnnotateVmi("a", HintAnnotations.DirtyRate, "20Mi");
        var logger = new RecordingLogger();
        var harness = new DrainHarness(database.DataSource, cluster) { Logger = logger };
        var id = await harness.LaunchAsync(DrainHarness.FastPolicy(), "w1");

        var result = await harness.RunAsync(id);

        Assert.True(result.Succeeded, result.Reason);
        Assert.Equal(0, logger.Count(3012));
        var created = Assert.Single(await new JournalStore(database.DataSource, TimeProvider.System).ReadAsync<PlanCreated>(id, CancellationToken.None));
        Assert.Empty(created.Warnings);
    }
}
