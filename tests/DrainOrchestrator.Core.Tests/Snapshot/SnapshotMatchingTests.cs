using DrainOrchestrator.Core.Snapshot;
using DrainOrchestrator.Core.Tests.Fixtures;

namespace DrainOrchestrator.Core.Tests.Snapshot;

public sealed class SnapshotMatchingTests
{
    private static readonly Taint DbTaint = new("dedicated", "db", TaintEffect.NoSchedule);

    [Theory]
    [InlineData("dedicated", TolerationOperator.Equal, "db", null, true)]
    [InlineData("dedicated", TolerationOperator.Equal, "web", null, false)]
    [InlineData("dedicated", TolerationOperator.Exists, "", null, true)]
    [InlineData("", TolerationOperator.Exists, "", null, true)]
    [InlineData("dedicated", TolerationOperator.Equal, "db", TaintEffect.NoExecute, false)]
    [InlineData("other", TolerationOperator.Exists, "", null, false)]
    public void Tolerates_Combinations_MatchKubernetes(string key, TolerationOperator op, string value, TaintEffect? effect, bool expected)
    {
        Assert.Equal(expected, new Toleration(key, op, value, effect).Tolerates(DbTaint));
    }

    [Theory]
    [InlineData(SelectorOperator.In, new[] { "a", "b" }, "zone=b", true)]
    [InlineData(SelectorOperator.In, new[] { "a" }, "zone=b", false)]
    [InlineData(SelectorOperator.In, new[] { "a" }, "other=a", false)]
    [InlineData(SelectorOperator.NotIn, new[] { "a" }, "other=a", true)]
    [InlineData(SelectorOperator.NotIn, new[] { "a" }, "zone=a", false)]
    [InlineData(SelectorOperator.Exists, new string[0], "zone=x", true)]
    [InlineData(SelectorOperator.DoesNotExist, new string[0], "zone=x", false)]
    [InlineData(SelectorOperator.Gt, new[] { "5" }, "zone=7", true)]
    [InlineData(SelectorOperator.Gt, new[] { "5" }, "zone=5", false)]
    [InlineData(SelectorOperator.Lt, new[] { "5" }, "zone=3", true)]
    [InlineData(SelectorOperator.Lt, new[] { "5" }, "zone=abc", false)]
    public void Matches_Operators_FollowKubernetesSemantics(SelectorOperator op, string[] values, string label, bool expected)
    {
        var requirement = new NodeSelectorRequirement("zone", op, values);

        Assert.Equal(expected, requirement.Matches(Make.Labels(label)));
    }

    [Fact]
    public void Matches_EmptyTerm_MatchesNothing()
    {
        Assert.False(new NodeSelectorTerm([]).Matches(Make.Labels("a=b")));
    }

    [Theory]
    [InlineData(1L, 1)]
    [InlineData(1_000_000_000L, 1)]
    [InlineData(1_000_000_001L, 2)]
    [InlineData(4L * 1024 * 1024 * 1024, 5)]
    public void CompletionBudget_Memory_RoundsUpDecimalGigabytes(long bytes, int gigabytes)
    {
        var settings = MigrationSettings.KubeVirtDefaults;

        Assert.Equal(TimeSpan.FromSeconds(150 * gigabytes), settings.CompletionBudget(bytes));
    }

    [Fact]
    public void WorkloadDisruptionAllowed_Unset_FollowsAllowPostCopy()
    {
        var settings = MigrationSettings.KubeVirtDefaults with { AllowPostCopy = true };

        Assert.True(settings.WorkloadDisruptionAllowed);
        Assert.False((settings with { AllowWorkloadDisruption = false }).PostCopyEffective);
    }
}
