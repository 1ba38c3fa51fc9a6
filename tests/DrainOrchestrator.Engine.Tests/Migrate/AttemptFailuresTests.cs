using DrainOrchestrator.Engine.Migrate;
using DrainOrchestrator.Persistence.Attempts;

namespace DrainOrchestrator.Engine.Tests.Migrate;

public sealed class AttemptFailuresTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static AttemptRecord Attempt(string uid, int number, AttemptOutcome outcome) => new(
        number, Guid.Empty, 1, number, "ns", "vm-" + uid, uid, "w1", "w2", $"drain-x-{uid}-{number}", null, null, outcome,
        null, null, null, null, "{}", false, T0, null, null, null);

    [Fact]
    public void Of_EveryEndWithoutSuccess_CountsAsTheSchedulerCountsIt()
    {
        var failures = new AttemptFailures(
        [
            Attempt("a", 1, AttemptOutcome.Failed),
            Attempt("a", 2, AttemptOutcome.Aborted),
            Attempt("a", 3, AttemptOutcome.NotCreated),
            Attempt("a", 4, AttemptOutcome.Running),
            Attempt("b", 1, AttemptOutcome.Failed),
            Attempt("b", 2, AttemptOutcome.Succeeded),
        ]);

        Assert.Equal((3, 1), (failures.Of("a"), failures.Of("b")));
    }

    [Fact]
    public void Of_UnfinishedOrSucceededOrUnknown_Zero()
    {
        var failures = new AttemptFailures(
        [
            Attempt("a", 1, AttemptOutcome.Intended),
            Attempt("a", 2, AttemptOutcome.Created),
            Attempt("b", 1, AttemptOutcome.Succeeded),
        ]);

        Assert.Equal((0, 0, 0), (failures.Of("a"), failures.Of("b"), failures.Of("never-tried")));
    }

    [Fact]
    public void Of_AbortedBySomeoneElseOrByTheInfrastructure_NotCounted()
    {
        var failures = new AttemptFailures(
        [
            Attempt("a", 1, AttemptOutcome.Aborted) with { FailureClass = "AbortedExternally" },
            Attempt("a", 2, AttemptOutcome.NotCreated) with { FailureClass = "Infrastructure" },
            Attempt("a", 3, AttemptOutcome.Aborted) with { FailureClass = "Aborted" },
        ]);

        Assert.Equal(1, failures.Of("a"));
    }
}
