using DrainOrchestrator.Core.Migrations;
using DrainOrchestrator.Core.Snapshot;
using DrainOrchestrator.Core.Tests.Fixtures;

namespace DrainOrchestrator.Core.Tests.Migrations;

public sealed class PostCopyPolicyDesignerTests
{
    private static readonly VmiSnapshot Vm = Make.Vmi("vm", "n1", labels: Make.Labels("app=db"),
        namespaceLabels: Make.Labels("team=storage"));

    [Fact]
    public void Design_CompetingPolicies_OurPolicyWinsOnceMarked()
    {
        var existing = new[]
        {
            Make.Policy("a-everything", Make.Labels("app=db"), Make.Labels("team=storage"), bandwidth: 99),
            Make.Policy("0-first", Make.Labels("app=db")),
        };

        var design = PostCopyPolicyDesigner.Design(Vm, MigrationSettings.KubeVirtDefaults, existing, "drain-postcopy-x");

        Assert.True(design.Succeeded);
        var marked = Vm with { Labels = new Dictionary<string, string>(Vm.Labels) { [design.MarkerLabelKey] = design.MarkerLabelValue } };
        var resolved = MigrationConfigResolver.Resolve(marked, MigrationSettings.KubeVirtDefaults, [.. existing, design.Policy!]);
        Assert.Equal("drain-postcopy-x", resolved.PolicyName);
        Assert.True(resolved.Settings.PostCopyEffective);
        Assert.Equal(99, resolved.Settings.BandwidthPerMigrationBytesPerSecond);
    }

    [Fact]
    public void Design_ForeignCopyWithSmallerName_ReportsWhy()
    {
        var first = PostCopyPolicyDesigner.Design(Vm, MigrationSettings.KubeVirtDefaults, [], "drain-postcopy-x");
        var clone = first.Policy! with { Name = "aaa-clone", AllowPostCopy = false };

        var design = PostCopyPolicyDesigner.Design(Vm, MigrationSettings.KubeVirtDefaults, [clone], "drain-postcopy-x");

        Assert.False(design.Succeeded);
        Assert.Contains("aaa-clone", design.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Design_LargeGuest_BudgetEndsWithinHalfTheProgressTimeout()
    {
        var big = Vm with { MemoryBytes = 32L * 1024 * 1024 * 1024 };

        var design = PostCopyPolicyDesigner.Design(big, MigrationSettings.KubeVirtDefaults, [], "drain-postcopy-x", TimeSpan.FromSeconds(150));

        // 32 GiB is 35 started decimal GB: 2 s per GB makes a 70 s budget, inside 75 s; 3 s would make 105 s.
        Assert.Equal(TimeSpan.FromSeconds(2), design.Policy!.CompletionTimeoutPerGiB);
        var settings = MigrationSettings.KubeVirtDefaults with { CompletionTimeoutPerGiB = design.Policy!.CompletionTimeoutPerGiB!.Value };
        Assert.True(settings.CompletionBudget(big.MemoryBytes) <= TimeSpan.FromSeconds(75));
    }

    [Theory]
    [InlineData(1_000_000_000L, 150, 150, 75)]
    [InlineData(1_000_000_000L, 20, 150, 20)]
    [InlineData(600_000_000_000L, 150, 150, 1)]
    [InlineData(10_000_000_000L, 150, 40, 2)]
    public void SwitchOverTimeoutPerGiB_NeverAboveDisplacedAndAtLeastOneSecond(long memory, int displaced, int progress, int expected)
    {
        var perGiB = PostCopyPolicyDesigner.SwitchOverTimeoutPerGiB(memory, TimeSpan.FromSeconds(displaced), TimeSpan.FromSeconds(progress));

        Assert.Equal(TimeSpan.FromSeconds(expected), perGiB);
    }

    [Fact]
    public void Design_VmiWithNodeNameLabel_LeavesTheVolatileLabelOutAndStillWins()
    {
        var onNode = Vm with { Labels = Make.Labels("app=db", "kubevirt.io/nodeName=n1") };
        var existing = new[] { Make.Policy("0-first", Make.Labels("app=db"), Make.Labels("team=storage")) };

        var design = PostCopyPolicyDesigner.Design(onNode, MigrationSettings.KubeVirtDefaults, existing, "drain-postcopy-x");

        Assert.True(design.Succeeded);
        Assert.False(design.Policy!.VmiSelector.ContainsKey("kubevirt.io/nodeName"));
        var marked = onNode with { Labels = new Dictionary<string, string>(onNode.Labels) { [design.MarkerLabelKey] = design.MarkerLabelValue } };
        Assert.Equal("drain-postcopy-x", MigrationConfigResolver.Resolve(marked, MigrationSettings.KubeVirtDefaults, [.. existing, design.Policy]).PolicyName);
    }
}
