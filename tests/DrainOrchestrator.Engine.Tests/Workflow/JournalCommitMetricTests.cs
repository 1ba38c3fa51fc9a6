using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using DrainOrchestrator.Engine.Telemetry;
using DrainOrchestrator.Engine.Tests.Fakes;
using DrainOrchestrator.Testing;

namespace DrainOrchestrator.Engine.Tests.Workflow;

/// <summary>The engine measures PostgreSQL's commit of the journal writes a start waits for.</summary>
public sealed class JournalCommitMetricTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    [Fact]
    public async Task RunAsync_OneMigration_RecordsTheCommitOfItsIntent()
    {
        var commits = new ConcurrentQueue<double>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == EngineMetrics.MeterName && instrument.Name == EngineMetrics.JournalCommitDurationName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((_, seconds, _, _) => commits.Enqueue(seconds));
        listener.Start();
        var cluster = new FakeCluster().AddNode("w1").AddNode("w2").AddVmi("a", "w1");
        var harness = new DrainHarness(database.DataSource, cluster);
        var id = await harness.LaunchAsync(DrainHarness.FastPolicy(), "w1");

        var result = await harness.RunAsync(id);

        Assert.True(result.Succeeded, result.Reason);
        // The intent's write is one (other tests' drains may add theirs: the instrument is process-wide).
        Assert.NotEmpty(commits);
        Assert.All(commits, s => Assert.InRange(s, 0, 60));
    }
}
