using DrainOrchestrator.Core.Failures;
using DrainOrchestrator.Core.Migrations;
using DrainOrchestrator.Core.Planning;
using DrainOrchestrator.Core.Policy;
using DrainOrchestrator.Core.Snapshot;
using DrainOrchestrator.Core.Tests.Fixtures;

namespace DrainOrchestrator.Core.Tests.Planning;

/// <summary>
/// The guarded pre-copy of a guest nothing is known of: when it applies, and the switch-over it gives the owned policy.
/// </summary>
public sealed class PreCopyGuardTests
{
    private static readonly NodeSnapshot[] Nodes = [Make.Node("w1"), Make.Node("w2")];

    private static PlannedVmi Planned(VmiSnapshot vmi, ClusterMigrationConfig? config = null, DrainPolicy? policy = null)
    {
        var cluster = Make.Cluster(Nodes, [vmi], config);
        return Assert.Single(DrainPlanner.Plan(cluster, ["w1"], policy ?? new DrainPolicy()).Items);
    }

    [Fact]
    public void SwitchAfter_DefaultDirtyRate_IsOneAndAHalfTimesThePredictedTransferPlusTheMargin()
    {
        var item = Planned(Make.Vmi("web", "w1", 16));

        var after = PreCopyGuard.SwitchAfter(item, new DrainPolicy());

        Assert.Equal(InputSource.Default, item.DirtyRateSource);
        var transfer = Math.Max(16 * Make.GiB, item.Estimate.TransferredBytes) / (double)item.Estimate.BandwidthBytesPerSecond;
        Assert.NotNull(after);
        Assert.Equal((PreCopyGuard.Factor * transfer) + PreCopyGuard.Margin.TotalSeconds, after.Value.TotalSeconds, 3);
        // Two transfers share the assumed 10 Gbit/s NIC under the default limits: 16 GiB at 625 MB/s is about 27.5 s, so 46 s.
        Assert.InRange(after.Value.TotalSeconds, 40, 50);
    }

    [Fact]
    public void SwitchAfter_AnnotatedDirtyRate_NotGuarded()
    {
        var item = Planned(Make.Vmi("web", "w1", 16, dirtyRate: 20L * 1024 * 1024));

        Assert.Null(PreCopyGuard.SwitchAfter(item, new DrainPolicy()));
    }

    [Fact]
    public void SwitchAfter_NoPostCopyFallback_NotGuarded()
    {
        var policy = new DrainPolicy { Failure = new FailurePolicy { PostCopyFallback = false } };
        var item = Planned(Make.Vmi("web", "w1", 16), policy: policy);

        Assert.Null(PreCopyGuard.SwitchAfter(item, policy));
    }

    [Fact]
    public void SwitchAfter_LabelForbidsPostCopy_NotGuarded()
    {
        var labels = Make.Labels(FailurePolicy.DefaultPostCopyForbiddenLabel + "=true");
        var item = Planned(Make.Vmi("db", "w1", 16, labels: labels));

        Assert.Null(PreCopyGuard.SwitchAfter(item, new DrainPolicy()));
    }

    [Fact]
    public void SwitchAfter_StartsInPostCopyAnyway_NotGuarded()
    {
        var item = Planned(Make.Vmi("web", "w1", 16)) with { StartsInPostCopy = true };

        Assert.Null(PreCopyGuard.SwitchAfter(item, new DrainPolicy()));
    }

    [Fact]
    public void Design_GuardOfASixteenGigabyteGuest_SwitchesBeforeHalfTheProgressTimeout()
    {
        var vmi = Make.Vmi("web", "w1", 16);
        var item = Planned(vmi);
        var after = PreCopyGuard.SwitchAfter(item, new DrainPolicy())!.Value;

        var design = PostCopyPolicyDesigner.Design(vmi, MigrationSettings.KubeVirtDefaults, [], "owned", TimeSpan.FromSeconds(150), after);

        Assert.True(design.Succeeded);
        var policy = design.Policy!;
        Assert.True(policy.AllowPostCopy);
        var gigabytes = Math.Ceiling(16.0 * Make.GiB / 1e9);
        var budget = policy.CompletionTimeoutPerGiB!.Value.TotalSeconds * gigabytes;
        // The budget ends at the first whole second per GB after the guard, and never later than 75 s (half of 150 s).
        Assert.InRange(budget, after.TotalSeconds, 75);
    }

    [Fact]
    public void Design_OperatorsBudgetStricterThanTheGuard_KeepsTheOperators()
    {
        var vmi = Make.Vmi("web", "w1", 16);
        var item = Planned(vmi);
        var after = PreCopyGuard.SwitchAfter(item, new DrainPolicy())!.Value;
        var strict = MigrationSettings.KubeVirtDefaults with { CompletionTimeoutPerGiB = TimeSpan.FromSeconds(1) };

        var design = PostCopyPolicyDesigner.Design(vmi, strict, [], "owned", TimeSpan.FromSeconds(150), after);

        Assert.Equal(TimeSpan.FromSeconds(1), design.Policy!.CompletionTimeoutPerGiB);
    }
}
