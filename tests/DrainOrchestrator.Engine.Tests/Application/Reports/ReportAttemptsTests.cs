using DrainOrchestrator.Application.Reports;
using DrainOrchestrator.Persistence.Attempts;

namespace DrainOrchestrator.Engine.Tests.Application.Reports;

/// <summary>An attempt's duration in every format: from its start to its finish, never below zero.</summary>
public sealed class ReportAttemptsTests
{
    [Fact]
    public void DurationSeconds_FinishStampedBeforeTheClustersStart_Zero()
    {
        // An abort's finish comes from the engine's clock; a cluster clock ahead of it put the finish before the start.
        var attempt = SmallReports.Attempt(1, Guid.NewGuid(), 1, 1, "web", AttemptOutcome.Aborted, postCopy: false, start: 60, seconds: 10, reason: null) with
        {
            FinishedAt = SmallReports.At.AddSeconds(11),
        };

        Assert.Equal(0, ReportAttempts.DurationSeconds(attempt));
        Assert.Equal(10, ReportAttempts.DurationSeconds(attempt with { FinishedAt = SmallReports.At.AddSeconds(70) }));
    }
}
