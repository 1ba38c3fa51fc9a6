using DrainOrchestrator.Core.Failures;

namespace DrainOrchestrator.Core.Tests.Failures;

public sealed class FailureClassifierTests
{
    [Theory]
    [InlineData("Live migration is not completed after 600 seconds and has been aborted", FailureKind.DidNotConverge)]
    [InlineData("Live migration stuck for 150 seconds and has been aborted", FailureKind.Stalled)]
    [InlineData("VMI is irrecoverable due to failed post-copy migration", FailureKind.PostCopyFailed)]
    [InlineData("target pod is unschedulable: 0/5 nodes are available", FailureKind.TargetUnschedulable)]
    [InlineData("something odd", FailureKind.Unknown)]
    public void Classify_ReasonStrings_Recognised(string reason, FailureKind expected)
    {
        Assert.Equal(expected, FailureClassifier.Classify(new FailureFacts(reason)));
    }

    [Fact]
    public void Classify_Flags_MostSpecificWins()
    {
        Assert.Equal(FailureKind.VmiGone, FailureClassifier.Classify(new FailureFacts("stuck for 5 seconds", VmiGone: true)));
        Assert.Equal(FailureKind.Aborted, FailureClassifier.Classify(new FailureFacts(AbortRequested: true)));
        Assert.Equal(FailureKind.TargetPodFailed, FailureClassifier.Classify(new FailureFacts(TargetPodFailed: true)));
        Assert.Equal(FailureKind.ApiError, FailureClassifier.Classify(new FailureFacts(ApiStatusCode: 503)));
    }
}
