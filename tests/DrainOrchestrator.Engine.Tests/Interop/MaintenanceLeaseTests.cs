using DrainOrchestrator.Engine.Cluster;
using DrainOrchestrator.Kubernetes.Models;

namespace DrainOrchestrator.Engine.Tests.Interop;

/// <summary>The medik8s lease rules: who may take, renew or must respect a node maintenance Lease.</summary>
public sealed class MaintenanceLeaseTests
{
    private const string Us = "drain-orchestrator/d-1";
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private static LeaseSpec Held(string holder, TimeSpan renewedAgo, int seconds = 3600) => new()
    {
        HolderIdentity = holder,
        LeaseDurationSeconds = seconds,
        AcquireTime = Now - renewedAgo,
        RenewTime = Now - renewedAgo,
        LeaseTransitions = 3,
    };

    [Fact]
    public void OtherValidHolder_NodeMaintenanceHoldsAValidLease_NamesIt() =>
        Assert.Equal("node-maintenance", MaintenanceLease.OtherValidHolder(Held("node-maintenance", TimeSpan.FromMinutes(5)), Us, Now));

    [Fact]
    public void OtherValidHolder_ExpiredLeaseOfAnother_MayBeTakenOver() =>
        Assert.Null(MaintenanceLease.OtherValidHolder(Held("NodeHealthCheck-nhc", TimeSpan.FromSeconds(3601)), Us, Now));

    [Fact]
    public void OtherValidHolder_RenewTimeInTheFutureOrMissingDuration_IsInvalid()
    {
        var future = Held("node-maintenance", TimeSpan.FromMinutes(-5));
        var noDuration = Held("node-maintenance", TimeSpan.FromMinutes(1));
        noDuration.LeaseDurationSeconds = null;

        Assert.Null(MaintenanceLease.OtherValidHolder(future, Us, Now));
        Assert.Null(MaintenanceLease.OtherValidHolder(noDuration, Us, Now));
    }

    [Fact]
    public void OtherValidHolder_OurOwnLease_Null() =>
        Assert.Null(MaintenanceLease.OtherValidHolder(Held(Us, TimeSpan.FromMinutes(1)), Us, Now));

    [Fact]
    public void TakeOrRenew_TakingOverAnExpiredLease_CountsATransitionAndResetsAcquireTime()
    {
        var spec = Held("node-maintenance", TimeSpan.FromHours(2));

        MaintenanceLease.TakeOrRenew(spec, Us, TimeSpan.FromMinutes(60), Now);

        Assert.Equal((Us, 4, Now, Now, 3600), (spec.HolderIdentity, spec.LeaseTransitions, spec.AcquireTime, spec.RenewTime, spec.LeaseDurationSeconds));
    }

    [Fact]
    public void TakeOrRenew_OurOwnLease_RenewsKeepingAcquireTimeAndTransitions()
    {
        var spec = Held(Us, TimeSpan.FromMinutes(20));

        MaintenanceLease.TakeOrRenew(spec, Us, TimeSpan.FromMinutes(60), Now);

        Assert.Equal((3, Now - TimeSpan.FromMinutes(20), Now), (spec.LeaseTransitions, spec.AcquireTime, spec.RenewTime));
    }

    [Fact]
    public void New_ForANode_NamedNodeDashNameInTheNamespaceAndOwnedByTheNode()
    {
        var node = new Node { Metadata = new ObjectMeta { Name = "Worker-3", Uid = "u-3" } };

        var lease = MaintenanceLease.New("medik8s-leases", node, Us, TimeSpan.FromHours(1), Now);

        Assert.Equal(("node-worker-3", "medik8s-leases"), (lease.Metadata.Name, lease.Metadata.Namespace));
        var owner = Assert.Single(lease.Metadata.OwnerReferences!);
        Assert.Equal(("v1", "Node", "Worker-3", "u-3"), (owner.ApiVersion, owner.Kind, owner.Name, owner.Uid));
        Assert.Equal((Us, 3600, 0), (lease.Spec!.HolderIdentity, lease.Spec.LeaseDurationSeconds, lease.Spec.LeaseTransitions));
    }
}
