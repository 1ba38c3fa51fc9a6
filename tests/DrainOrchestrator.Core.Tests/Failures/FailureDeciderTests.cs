using DrainOrchestrator.Core.Failures;
using DrainOrchestrator.Core.Scheduling;
using DrainOrchestrator.Core.Tests.Fixtures;

namespace DrainOrchestrator.Core.Tests.Failures;

public sealed class FailureDeciderTests
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly FailurePolicy Policy = new() { MaxAttempts = 4, InitialBackoff = TimeSpan.FromSeconds(10), MaxBackoff = TimeSpan.FromSeconds(25) };

    private static MigrationAttempt Failed(int number, FailureKind kind, string target = "t1", bool postCopy = false) =>
        new("uid-vm", number, AttemptKind.Migration, "drain-x-" + number, "src", target, postCopy, AttemptStatus.Failed,
            T0, T0.AddMinutes(number), kind);

    [Fact]
    public void Decide_TargetAtFault_RetriesElsewhereAfterBackoff()
    {
        var decision = FailureDecider.Decide([Failed(1, FailureKind.TargetUnschedulable)], Make.Vmi("vm", "src"), Policy);

        Assert.Equal(FailureVerdict.Retry, decision.Verdict);
        Assert.Equal(["t1"], decision.AvoidTargets);
        Assert.Equal(T0.AddMinutes(1).AddSeconds(10), decision.NotBefore);
    }

    [Fact]
    public void Decide_Backoff_DoublesUpToMaximumFromStoredTimestamps()
    {
        var attempts = new[] { Failed(1, FailureKind.ApiError), Failed(2, FailureKind.ApiError), Failed(3, FailureKind.ApiError) };

        var decision = FailureDecider.Decide(attempts, Make.Vmi("vm", "src"), Policy);

        Assert.Equal(T0.AddMinutes(3).AddSeconds(25), decision.NotBefore);
        Assert.Empty(decision.AvoidTargets);
    }

    [Fact]
    public void Decide_AttemptsExhausted_GivesUp()
    {
        var attempts = Enumerable.Range(1, 4).Select(i => Failed(i, FailureKind.Unknown)).ToArray();

        var decision = FailureDecider.Decide(attempts, Make.Vmi("vm", "src"), Policy);

        Assert.Equal(FailureVerdict.GiveUp, decision.Verdict);
        Assert.Contains("4 attempts", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_InfrastructureFailuresBeyondMaxAttempts_RetriesWithoutChargingThem()
    {
        var attempts = Enumerable.Range(1, 6).Select(i => Failed(i, FailureKind.Infrastructure)).ToArray();

        var decision = FailureDecider.Decide(attempts, Make.Vmi("vm", "src"), Policy);

        Assert.Equal(FailureVerdict.Retry, decision.Verdict);
        Assert.Equal(T0.AddMinutes(6).AddSeconds(10), decision.NotBefore);
        Assert.Equal(0, FailureDecider.ChargedFailures(attempts));
    }

    [Fact]
    public void Decide_ExternalAbortsBelowMaxAttempts_RetriesWithoutChargingThem()
    {
        var attempts = Enumerable.Range(1, 3).Select(i => Failed(i, FailureKind.AbortedExternally)).ToArray();

        var decision = FailureDecider.Decide(attempts, Make.Vmi("vm", "src"), Policy);

        Assert.Equal(FailureVerdict.Retry, decision.Verdict);
        Assert.Equal(0, FailureDecider.ChargedFailures(attempts));
    }

    [Fact]
    public void Decide_AsManyExternalAbortsAsMaxAttempts_GivesUpNamingThem()
    {
        var attempts = new[]
        {
            Failed(1, FailureKind.AbortedExternally), Failed(2, FailureKind.Infrastructure), Failed(3, FailureKind.AbortedExternally),
            Failed(4, FailureKind.AbortedExternally), Failed(5, FailureKind.AbortedExternally),
        };

        var decision = FailureDecider.Decide(attempts, Make.Vmi("vm", "src"), Policy);

        Assert.Equal(FailureVerdict.GiveUp, decision.Verdict);
        Assert.Contains("someone else aborted its migration 4 times", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_InfrastructureFailuresBetweenTheVmsOwn_CountsOnlyTheVmsOwn()
    {
        var attempts = new[]
        {
            Failed(1, FailureKind.Unknown), Failed(2, FailureKind.Infrastructure), Failed(3, FailureKind.Unknown),
            Failed(4, FailureKind.Infrastructure), Failed(5, FailureKind.Unknown), Failed(6, FailureKind.Unknown),
        };

        Assert.Equal(FailureVerdict.Retry, FailureDecider.Decide(attempts[..5], Make.Vmi("vm", "src"), Policy).Verdict);
        var decision = FailureDecider.Decide(attempts, Make.Vmi("vm", "src"), Policy);
        Assert.Equal(FailureVerdict.GiveUp, decision.Verdict);
        Assert.Contains("4 attempts", decision.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(FailureKind.DidNotConverge)]
    [InlineData(FailureKind.Stalled)]
    public void Decide_NonConvergence_RetriesWithPostCopy(FailureKind kind)
    {
        var decision = FailureDecider.Decide([Failed(1, kind)], Make.Vmi("vm", "src"), Policy);

        Assert.Equal(FailureVerdict.Retry, decision.Verdict);
        Assert.True(decision.UsePostCopy);
    }

    [Fact]
    public void Decide_NonConvergenceWithForbiddingLabel_GivesUpNamingTheLabel()
    {
        var vmi = Make.Vmi("vm", "src", labels: Make.Labels(FailurePolicy.DefaultPostCopyForbiddenLabel + "=true"));

        var decision = FailureDecider.Decide([Failed(1, FailureKind.DidNotConverge)], vmi, Policy);

        Assert.Equal(FailureVerdict.GiveUp, decision.Verdict);
        Assert.Contains(FailurePolicy.DefaultPostCopyForbiddenLabel, decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_PostCopyAttemptFailedTransiently_KeepsPostCopy()
    {
        var attempts = new[] { Failed(1, FailureKind.DidNotConverge), Failed(2, FailureKind.ApiError, postCopy: true) };

        Assert.True(FailureDecider.Decide(attempts, Make.Vmi("vm", "src"), Policy).UsePostCopy);
    }

    [Theory]
    [InlineData(FailureKind.Aborted)]
    [InlineData(FailureKind.VmiGone)]
    [InlineData(FailureKind.PostCopyFailed)]
    public void Decide_FinalKinds_GiveUpAtOnce(FailureKind kind)
    {
        Assert.Equal(FailureVerdict.GiveUp, FailureDecider.Decide([Failed(1, kind)], Make.Vmi("vm", "src"), Policy).Verdict);
    }

    [Fact]
    public void Decide_VmiMissing_GivesUp()
    {
        Assert.Equal(FailureVerdict.GiveUp, FailureDecider.Decide([Failed(1, FailureKind.ApiError)], null, Policy).Verdict);
    }

    [Fact]
    public void Decide_PostCopyLostTheGuestAndItsVmiIsGone_GivesUpWithThePostCopyReason()
    {
        // KubeVirt fails the VMI at once and its run strategy replaces it: by the time the engine decides, it is gone.
        var attempts = new[] { Failed(1, FailureKind.Stalled), Failed(2, FailureKind.PostCopyFailed, postCopy: true) };

        var decision = FailureDecider.Decide(attempts, null, Policy);

        Assert.Equal(FailureVerdict.GiveUp, decision.Verdict);
        Assert.Contains("post-copy failed and the guest was lost", decision.Reason, StringComparison.Ordinal);
    }
}
