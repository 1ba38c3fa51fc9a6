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
}
