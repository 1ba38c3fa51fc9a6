using DrainOrchestrator.Core.Migrations;
using DrainOrchestrator.Core.Snapshot;
using DrainOrchestrator.Core.Tests.Fixtures;

namespace DrainOrchestrator.Core.Tests.Migrations;

public sealed class MigrationConfigResolverTests
{
    private static readonly VmiSnapshot Vm = Make.Vmi("vm", "n1", labels: Make.Labels("app=db", "tier=gold"),
        namespaceLabels: Make.Labels("team=storage", "env=prod"));

    [Fact]
    public void Resolve_NoPolicies_ClusterValues()
    {
        var config = MigrationConfigResolver.Resolve(Vm, MigrationSettings.KubeVirtDefaults, []);

        Assert.Null(config.PolicyName);
        Assert.Same(MigrationSettings.KubeVirtDefaults, config.Settings);
    }

    [Fact]
    public void Resolve_EmptySelectors_MatchEverythingWithScoreZero()
    {
        var policies = new[] { Make.Policy("catch-all", allowPostCopy: true), Make.Policy("app", Make.Labels("app=db")) };

        Assert.Equal("app", MigrationConfigResolver.FindWinningPolicy(Vm, policies)!.Name);
        Assert.Equal("catch-all", MigrationConfigResolver.FindWinningPolicy(Make.Vmi("other", "n1"), policies)!.Name);
    }

    [Fact]
    public void FindWinningPolicy_MostMatchingLabelsAcrossVmiAndNamespace_Wins()
    {
        var policies = new[]
        {
            Make.Policy("vmi-one", Make.Labels("app=db")),
            Make.Policy("ns-two", namespaceSelector: Make.Labels("team=storage", "env=prod")),
        };

        Assert.Equal("ns-two", MigrationConfigResolver.FindWinningPolicy(Vm, policies)!.Name);
    }

    [Fact]
    public void FindWinningPolicy_TieOnTotal_MoreVmiLabelsWins()
    {
        var policies = new[]
        {
            Make.Policy("a-namespace", namespaceSelector: Make.Labels("team=storage", "env=prod")),
            Make.Policy("z-vmi", Make.Labels("app=db", "tier=gold")),
        };

        Assert.Equal("z-vmi", MigrationConfigResolver.FindWinningPolicy(Vm, policies)!.Name);
    }

    [Fact]
    public void FindWinningPolicy_FullTie_SmallestNameWins()
    {
        var policies = new[] { Make.Policy("b", Make.Labels("app=db")), Make.Policy("a", Make.Labels("tier=gold")) };

        Assert.Equal("a", MigrationConfigResolver.FindWinningPolicy(Vm, policies)!.Name);
    }

    [Fact]
    public void FindWinningPolicy_OneSelectorKeyMismatches_PolicyDoesNotMatch()
    {
        var policies = new[] { Make.Policy("p", Make.Labels("app=db", "tier=silver")) };

        Assert.Null(MigrationConfigResolver.FindWinningPolicy(Vm, policies));
    }

    [Fact]
    public void Resolve_Winner_OverridesOnlyNonNullFields()
    {
        var cluster = MigrationSettings.KubeVirtDefaults with { BandwidthPerMigrationBytesPerSecond = 64 };
        var policy = Make.Policy("p", Make.Labels("app=db"), allowPostCopy: true);

        var config = MigrationConfigResolver.Resolve(Vm, cluster, [policy]);

        Assert.Equal("p", config.PolicyName);
        Assert.True(config.Settings.AllowPostCopy);
        Assert.Equal(64, config.Settings.BandwidthPerMigrationBytesPerSecond);
        Assert.Equal(cluster.MaxDowntime, config.Settings.MaxDowntime);
    }
}
