using DrainOrchestrator.Application.Drains;
using DrainOrchestrator.Persistence.Journal.Events;

namespace DrainOrchestrator.Engine.Tests.Application.Drains;

public sealed class JournaledProgressTests
{
    [Fact]
    public void Apply_AReportOfChangedNodesOnly_KeepsTheOthersAsTheEarlierReportsLeftThem()
    {
        var journaled = new JournaledProgress();
        journaled.Apply(new ProgressReported([new NodeProgress("n1", 4, 1, 3, 1, 0, 0, 0, 0), new NodeProgress("n2", 2, 0, 2, 0, 0, 0, 0, 0)], false, 60));

        var progress = journaled.Apply(new ProgressReported([new NodeProgress("n2", 2, 2, 0, 0, 0, 0, 0, 0)], true, 15, Changes: true));

        Assert.Equal([("n1", 1), ("n2", 2)], progress.Nodes.Select(n => (n.Node, n.Moved)));
        Assert.Equal(("migrate", true, (int?)null, TimeSpan.FromSeconds(15)), (progress.Step, progress.Paused, progress.ClusterInFlight, progress.EstimatedRemaining));
    }

    [Fact]
    public void Apply_AFullReport_ReplacesEveryNode()
    {
        var journaled = new JournaledProgress();
        journaled.Apply(new ProgressReported([new NodeProgress("n1", 4, 1, 3, 1, 0, 0, 0, 0)], false, null));

        var progress = journaled.Apply(new ProgressReported([new NodeProgress("n2", 2, 0, 2, 0, 0, 0, 0, 0)], false, null));

        Assert.Equal(["n2"], progress.Nodes.Select(n => n.Node));
        Assert.Null(progress.EstimatedRemaining);
    }
}
