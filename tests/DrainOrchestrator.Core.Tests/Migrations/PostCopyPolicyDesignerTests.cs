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
}
