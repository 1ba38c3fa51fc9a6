
namespace DrainOrchestrator.Simulator.Cluster.Tests.Configuration;

public sealed class MigrationPolicyResolverTests
{
    private static readonly Dictionary<string, string> VmiLabels = new() { ["app"] = "db", ["tier"] = "gold", ["zone"] = "a" };
    private static readonly Dictionary<string, string> NamespaceLabels = new() { ["env"] = "prod", ["team"] = "dba" };

    private static MigrationPolicy Policy(string name, Dictionary<string, string>? vmi = null, Dictionary<string, string>? ns = null) => new()
    {
        Name = name,
        VirtualMachineInstanceSelector = vmi ?? [],
        NamespaceSelector = ns ?? [],
    };

    private static string? Winner(params MigrationPolicy[] policies) =>
        MigrationPolicyResolver.SelectPolicy(policies, VmiLabels, NamespaceLabels)?.Name;

    [Fact]
    public void SelectPolicy_MoreMatchingLabels_Wins()
    {
        var one = Policy("a-one", vmi: new() { ["app"] = "db" });
        var three = Policy("z-three", vmi: new() { ["app"] = "db" }, ns: new() { ["env"] = "prod", ["team"] = "dba" });

        Assert.Equal("z-three", Winner(one, three));
    }

    [Fact]
    public void SelectPolicy_EqualCount_MoreVmiLabelsWins()
    {
        var namespaceHeavy = Policy("a-ns", vmi: new() { ["app"] = "db" }, ns: new() { ["env"] = "prod" });
        var vmiHeavy = Policy("z-vmi", vmi: new() { ["app"] = "db", ["tier"] = "gold" });

        Assert.Equal("z-vmi", Winner(namespaceHeavy, vmiHeavy));
    }

    [Fact]
    public void SelectPolicy_FullTie_LexicographicallySmallestNameWins()
    {
        var b = Policy("beta", vmi: new() { ["tier"] = "gold" });
        var a = Policy("alpha", vmi: new() { ["app"] = "db" });

        Assert.Equal("alpha", Winner(b, a));
    }

    [Fact]
    public void SelectPolicy_OneSelectorKeyDiffers_PolicyDoesNotApply()
    {
        var mismatch = Policy("mismatch", vmi: new() { ["app"] = "db", ["tier"] = "silver" });
        var empty = Policy("zz-empty");

        Assert.Equal("zz-empty", Winner(mismatch, empty));
    }

    [Fact]
    public void SelectPolicy_NoPolicies_Null() => Assert.Null(Winner());

    [Fact]
    public void Resolve_PolicyFields_OverrideClusterAndWorkloadDisruptionFollowsPostCopy()
    {
        var policy = new MigrationPolicy { Name = "p", AllowPostCopy = true, BandwidthPerMigration = 42 };

        var resolved = MigrationPolicyResolver.Resolve(MigrationConfig.Default, policy);

        Assert.True(resolved.AllowPostCopy);
        Assert.True(resolved.AllowWorkloadDisruption);
        Assert.Equal(42, resolved.BandwidthPerMigration);
        Assert.Equal(MigrationConfigDefaults.CompletionTimeoutPerGiB, resolved.CompletionTimeoutPerGiB);
        Assert.Equal(MigrationConfigDefaults.ProgressTimeout, resolved.ProgressTimeout);
    }

    [Fact]
    public void HandOff_PolicyEditedDuringMigration_RunningMigrationKeepsResolvedOptions()
    {
        var labels = new Dictionary<string, string> { ["app"] = "db" };
        var scenario = TestClusters.Scenario(
            [TestClusters.Node("n1"), TestClusters.Node("n2")],
            [TestClusters.Vm("vm", "n1", labels: labels)]) with
        {
            MigrationPolicies = [new MigrationPolicy { Name = "slow", VirtualMachineInstanceSelector = labels, BandwidthPerMigration = 50 * TestClusters.MiB }],
        };
        var cluster = SimulatedCluster.Create(scenario);
        cluster.Migrate("vm");
        cluster.AdvanceBy(TimeSpan.FromSeconds(10));

        cluster.UpsertMigrationPolicy(new MigrationPolicy { Name = "slow", VirtualMachineInstanceSelector = labels });
        cluster.RunToEnd();

        var state = cluster.GetVmi(TestClusters.Ns, "vm")!.MigrationState!;
        Assert.Equal("slow", state.MigrationPolicyName);
        Assert.Equal(50 * TestClusters.MiB, state.MigrationConfiguration!.BandwidthPerMigration);
        var truth = cluster.Truth("mig-vm");
        var running = truth.PhaseTransitions[^1].At - truth.PhaseTransitions.First(p => p.Phase == MigrationPhase.Running).At;
        Assert.True(running > TimeSpan.FromSeconds(70), running.ToString());
    }
}
