using DrainOrchestrator.Application.Reports;
using DrainOrchestrator.Persistence.Attempts;

namespace DrainOrchestrator.Engine.Tests.Application.Reports;

/// <summary>The totals: every ended attempt is either succeeded or failed, as the Failures table lists them.</summary>
public sealed class ReportTotalsTests
{
    [Fact]
    public void Of_AnAttemptNeverCreated_CountsAsFailedLikeTheFailuresTable()
    {
        var report = SmallReports.Drain();
        var lost = report.Attempts[0] with { Id = 14, VmimName = "m-14", Attempt = 3, Outcome = AttemptOutcome.NotCreated };
        report = report with { Attempts = [.. report.Attempts, lost] };

        var totals = ReportTotals.Of([report]);

        var node = Assert.Single(totals.ByNode);
        Assert.Equal((4, 2, 2), (node.Attempts, node.Succeeded, node.Failed));
        Assert.Equal(1, Assert.Single(totals.ByOutcome, t => t.Key == "not_created").Failed);
    }

    [Fact]
    public void Of_AnAttemptKubeVirtSwitchedToPostCopy_CountedAsPostCopyAsItsModeSays()
    {
        var report = SmallReports.Drain();
        // KubeVirt switched it (a MigrationPolicy's automatic switch): the engine did not start it in post-copy.
        var switched = report.Attempts[0] with { Id = 15, VmimName = "m-15", Attempt = 4, Mode = "PostCopy", PostCopy = false };
        var before = Assert.Single(ReportTotals.Of([report]).ByNode).PostCopy;
        report = report with { Attempts = [.. report.Attempts, switched] };

        var totals = ReportTotals.Of([report]);

        Assert.Equal(before + 1, Assert.Single(totals.ByNode).PostCopy);
        Assert.True(ReportAttempts.PostCopy(switched));
        Assert.False(ReportAttempts.PostCopy(switched with { Mode = "PreCopy" }));
    }
}
