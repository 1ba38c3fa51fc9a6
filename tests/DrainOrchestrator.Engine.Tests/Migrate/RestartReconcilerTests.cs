using DrainOrchestrator.Engine.Cluster;
using DrainOrchestrator.Engine.Migrate;
using DrainOrchestrator.Kubernetes.Models;
using DrainOrchestrator.Persistence.Attempts;

namespace DrainOrchestrator.Engine.Tests.Migrate;

public sealed class RestartReconcilerTests
{
    private static readonly DateTimeOffset Stopped = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);
    private static readonly string[] Drained = ["w1"];

    private static AttemptRecord Record(AttemptOutcome outcome = AttemptOutcome.Created) => new(1, Guid.NewGuid(), 0, 1, "ns", "vm", "old-uid",
        "w1", null, "drain-x-1", null, null, outcome, null, null, null, null, "{}", false, Stopped, Stopped, null, null,
        Kind: AttemptKind.Restart);

    private static ClusterState Cluster(params VirtualMachineInstance[] vmis) => new([], vmis, [], [], [], null);

    private static VirtualMachineInstance Vmi(string uid, string node, string phase) => new()
    {
        Metadata = new ObjectMeta { Name = "vm", Namespace = "ns", Uid = uid },
        Status = new VirtualMachineInstanceStatus { NodeName = node, Phase = phase },
    };

    private static AttemptObservation? Observe(ClusterState cluster, TimeSpan after, AttemptOutcome outcome = AttemptOutcome.Created) =>
        RestartReconciler.Observe(Record(outcome), cluster, Drained, Stopped + after, Timeout);

    [Fact]
    public void Observe_OldVmiStillStopping_NothingYet() =>
        Assert.Null(Observe(Cluster(Vmi("old-uid", "w1", "Running")), TimeSpan.FromSeconds(5)));

    [Fact]
    public void Observe_NoVmiYet_NothingYet() => Assert.Null(Observe(Cluster(), TimeSpan.FromMinutes(9)));

    [Fact]
    public void Observe_NoVmiAfterTheTimeout_FailedNamingTheRunStrategy()
    {
        var observation = Observe(Cluster(), Timeout)!;

        Assert.Equal(AttemptOutcome.Failed, observation.Outcome);
        Assert.Contains("did not run again within", observation.FailureReason, StringComparison.Ordinal);
        Assert.Contains("Always", observation.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Observe_OldVmiNeverGoesAway_FailedAfterTheTimeout() =>
        Assert.Contains("still not stopped", Observe(Cluster(Vmi("old-uid", "w1", "Running")), Timeout)!.FailureReason, StringComparison.Ordinal);

    [Fact]
    public void Observe_NewVmiRunningElsewhere_SucceededWithItsNodeAndNoMode()
    {
        var observation = Observe(Cluster(Vmi("new-uid", "w2", "Running")), TimeSpan.FromSeconds(30))!;

        Assert.Equal((AttemptOutcome.Succeeded, "w2", (string?)null), (observation.Outcome, observation.TargetNode, observation.Mode));
    }

    [Fact]
    public void Observe_NewVmiRunningOnADrainedNode_Failed()
    {
        var observation = Observe(Cluster(Vmi("new-uid", "w1", "Running")), TimeSpan.FromSeconds(30))!;

        Assert.Equal(AttemptOutcome.Failed, observation.Outcome);
        Assert.Contains("started again on w1", observation.FailureReason, StringComparison.Ordinal);
        Assert.Null(observation.TargetNode);
    }

    [Fact]
    public void Observe_NewVmiScheduled_RunningOnceThenNothing()
    {
        var cluster = Cluster(Vmi("new-uid", "w2", "Scheduled"));

        Assert.Equal(AttemptOutcome.Running, Observe(cluster, TimeSpan.FromSeconds(5))!.Outcome);
        Assert.Null(Observe(cluster, TimeSpan.FromSeconds(6), AttemptOutcome.Running));
        Assert.Equal(AttemptOutcome.Failed, Observe(cluster, Timeout, AttemptOutcome.Running)!.Outcome);
    }
}
