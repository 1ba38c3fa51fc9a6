using DrainOrchestrator.Core.Budgets;
using DrainOrchestrator.Core.Snapshot;
using DrainOrchestrator.Engine.Cluster;
using DrainOrchestrator.Kubernetes.Models;
using LabelSelector = DrainOrchestrator.Kubernetes.Models.LabelSelector;

namespace DrainOrchestrator.Engine.Tests.Cluster;

public sealed class DisruptionBudgetReaderTests
{
    private static readonly Dictionary<string, string> None = [];

    // Three db members and one web VM in apps; one db member in another namespace.
    private static readonly VmiSnapshot[] Vmis =
    [
        Vmi("apps", "db-0", "db"), Vmi("apps", "db-1", "db"), Vmi("apps", "db-2", "db"), Vmi("apps", "web-0", "web"), Vmi("other", "db-9", "db"),
    ];

    private static VmiSnapshot Vmi(string ns, string name, string app) =>
        new(ns, name, "uid-" + name, "worker-1", new Dictionary<string, string> { ["app"] = app }, None, 1L << 30, None, [], [], true, null,
            EvictionStrategy.LiveMigrate, RunStrategy.Always, null);

    private static PodDisruptionBudget Pdb(string name, IntOrString? maxUnavailable = null, IntOrString? minAvailable = null, LabelSelector? selector = null) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = "apps" },
        Spec = new PodDisruptionBudgetSpec
        {
            Selector = selector ?? new LabelSelector { MatchLabels = new() { ["app"] = "db" } },
            MaxUnavailable = maxUnavailable,
            MinAvailable = minAvailable,
        },
    };

    [Theory]
    [InlineData(1, null, null, null, 1)]
    [InlineData(null, "34%", null, null, 2)]
    [InlineData(null, null, 2, null, 1)]
    [InlineData(null, null, null, "50%", 1)]
    [InlineData(null, null, 5, null, 0)]
    public void Read_EachKindOfLimit_MaxUnavailableOverTheNamespacesMembers(int? maxNumber, string? maxText, int? minNumber, string? minText, int expected)
    {
        var pdb = Pdb("db", Value(maxNumber, maxText), Value(minNumber, minText));

        var budget = Assert.Single(DisruptionBudgetReader.Read([pdb], Vmis));

        Assert.Equal(new ApplicationBudget("pdb:apps/db", budget.Selector, BudgetLimitKind.MaxUnavailable, expected)
        {
            Namespace = "apps",
            Source = BudgetSource.PodDisruptionBudget,
        }, budget);
        Assert.True(budget.Covers("apps", Vmis[0].Labels, null));
        Assert.False(budget.Covers("other", Vmis[4].Labels, null));
        Assert.False(budget.Covers("apps", Vmis[3].Labels, null));
    }

    [Fact]
    public void Read_KubeVirtsOwnPdbs_LeftOut()
    {
        var byName = Pdb(DisruptionBudgetReader.KubeVirtPrefix + "x7k2p", minAvailable: IntOrString.FromInt(1));
        var byOwner = Pdb("guard", minAvailable: IntOrString.FromInt(1));
        byOwner.Metadata.OwnerReferences = [new OwnerReference { ApiVersion = "kubevirt.io/v1", Kind = "VirtualMachineInstance", Name = "db-0", Controller = true }];

        Assert.Empty(DisruptionBudgetReader.Read([byName, byOwner], Vmis));
    }

    [Fact]
    public void Read_NoSelectorNoLimitOrAnUnreadableLimit_LeftOutAsKubernetesWouldLetEveryDisruptionThrough()
    {
        var noSelector = Pdb("a", IntOrString.FromInt(1));
        noSelector.Spec.Selector = null;
        var noLimit = Pdb("b");
        var unreadable = Pdb("c", IntOrString.FromString("half"));

        Assert.Empty(DisruptionBudgetReader.Read([noSelector, noLimit, unreadable], Vmis));
    }

    [Fact]
    public void Read_EmptySelectorAndExpressions_CoverWhatKubernetesWouldCover()
    {
        var everything = Pdb("all", IntOrString.FromInt(2), selector: new LabelSelector());
        var expression = Pdb("not-web", IntOrString.FromString("50%"), selector: new LabelSelector
        {
            MatchExpressions = [new LabelSelectorRequirement { Key = "app", Operator = "NotIn", Values = ["web"] }],
        });

        var budgets = DisruptionBudgetReader.Read([everything, expression], Vmis);

        Assert.Equal(["pdb:apps/all", "pdb:apps/not-web"], budgets.Select(b => b.Name));
        Assert.True(budgets[0].Covers("apps", Vmis[3].Labels, null));
        Assert.Equal(2, budgets[1].Limit);
        Assert.False(budgets[1].Covers("apps", Vmis[3].Labels, null));
    }

    private static IntOrString? Value(int? number, string? text) =>
        number is { } n ? IntOrString.FromInt(n) : text is null ? null : IntOrString.FromString(text);
}
