using DrainOrchestrator.Core.Snapshot;
using DrainOrchestrator.Engine.Cluster;
using DrainOrchestrator.Kubernetes.Models;

namespace DrainOrchestrator.Engine.Tests.Cluster;

public sealed class SnapshotMapperHintsTests
{
    private const long Mi = 1L << 20;

    private static Node Node(string name, Dictionary<string, string>? annotations = null) => new()
    {
        Metadata = new ObjectMeta { Name = name, Annotations = annotations },
        Status = new NodeStatus { Conditions = [new NodeCondition { Type = "Ready", Status = "True" }] },
    };

    private static VirtualMachineInstance Vmi(string name, string node, Dictionary<string, string>? annotations = null) => new()
    {
        Metadata = new ObjectMeta
        {
            Name = name,
            Namespace = "db",
            Uid = "uid-" + name,
            Annotations = annotations,
            OwnerReferences = [new OwnerReference { Kind = "VirtualMachine", Name = name }],
        },
        Status = new VirtualMachineInstanceStatus { NodeName = node, Phase = "Running" },
    };

    private static VirtualMachine Vm(string name, Dictionary<string, string> templateAnnotations) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = "db" },
        Spec = new VirtualMachineSpec { Template = new VirtualMachineInstanceTemplateSpec { Metadata = new ObjectMeta { Annotations = templateAnnotations } } },
    };

    private static ClusterSnapshot Map(IReadOnlyList<Node> nodes, IReadOnlyList<VirtualMachineInstance> vmis, IReadOnlyList<VirtualMachine>? vms = null) =>
        SnapshotMapper.Map(new ClusterState(nodes, vmis, [], [], [], null) { VirtualMachines = vms ?? [] });

    private static Dictionary<string, string> Annotated(string key, string value) => new(StringComparer.Ordinal) { [key] = value };

    [Fact]
    public void Map_NoAnnotations_BandwidthAndDirtyRateUnknownWithoutWarnings()
    {
        var snapshot = Map([Node("w1")], [Vmi("pg", "w1")]);

        Assert.Null(Assert.Single(snapshot.Nodes).NicBandwidthBytesPerSecond);
        Assert.Null(Assert.Single(snapshot.Vmis).DirtyRateBytesPerSecond);
        Assert.Empty(snapshot.InvalidHints);
    }

    [Fact]
    public void Map_Annotated_QuantitiesInBytesPerSecond()
    {
        var snapshot = Map([Node("w1", Annotated(HintAnnotations.MigrationBandwidth, "1192Mi"))],
            [Vmi("pg", "w1", Annotated(HintAnnotations.DirtyRate, "800Mi"))]);

        Assert.Equal(1192 * Mi, snapshot.Nodes[0].NicBandwidthBytesPerSecond);
        Assert.Equal(800 * Mi, snapshot.Vmis[0].DirtyRateBytesPerSecond);
        Assert.Empty(snapshot.InvalidHints);
    }

    [Fact]
    public void Map_PlainAndDecimalQuantities_Read()
    {
        var snapshot = Map([Node("w1", Annotated(HintAnnotations.MigrationBandwidth, "1250000000")), Node("w2", Annotated(HintAnnotations.MigrationBandwidth, "2.5G"))], []);

        Assert.Equal([1_250_000_000L, 2_500_000_000L], snapshot.Nodes.Select(n => n.NicBandwidthBytesPerSecond!.Value));
    }

    [Fact]
    public void Map_VmiWithoutAnnotation_TakesItsVmTemplates()
    {
        var snapshot = Map([Node("w1")], [Vmi("pg", "w1")], [Vm("pg", Annotated(HintAnnotations.DirtyRate, "300Mi"))]);

        Assert.Equal(300 * Mi, snapshot.Vmis[0].DirtyRateBytesPerSecond);
    }

    [Fact]
    public void Map_VmiAnnotated_WinsOverItsVmTemplate()
    {
        var snapshot = Map([Node("w1")], [Vmi("pg", "w1", Annotated(HintAnnotations.DirtyRate, "50Mi"))],
            [Vm("pg", Annotated(HintAnnotations.DirtyRate, "300Mi"))]);

        Assert.Equal(50 * Mi, snapshot.Vmis[0].DirtyRateBytesPerSecond);
    }

    [Theory]
    [InlineData("fast", "'fast' is not a quantity of bytes per second such as 1192Mi")]
    [InlineData("", "'' is not a quantity of bytes per second such as 1192Mi")]
    [InlineData("0", "'0' is not positive; give bytes per second such as 1192Mi")]
    [InlineData("-5Mi", "'-5Mi' is not positive; give bytes per second such as 1192Mi")]
    [InlineData("100E", "'100E' is too large for bytes per second; give one such as 1192Mi")]
    public void Map_UnusableBandwidth_UnknownAndListedNamingNodeAnnotationValueAndForm(string value, string problem)
    {
        var snapshot = Map([Node("worker-3", Annotated(HintAnnotations.MigrationBandwidth, value))], []);

        Assert.Null(snapshot.Nodes[0].NicBandwidthBytesPerSecond);
        var hint = Assert.Single(snapshot.InvalidHints);
        Assert.Equal((HintKind.NicBandwidth, "worker-3", (string?)null), (hint.Kind, hint.NodeName, hint.VmiUid));
        Assert.Equal($"node worker-3: annotation drain-orchestrator.io/migration-bandwidth {problem}", hint.Problem);
    }

    [Fact]
    public void Map_UnusableDirtyRate_UnknownAndListedWithTheVmiAndItsNode()
    {
        var snapshot = Map([Node("w1")], [Vmi("pg", "w1", Annotated(HintAnnotations.DirtyRate, "lots"))]);

        Assert.Null(snapshot.Vmis[0].DirtyRateBytesPerSecond);
        var hint = Assert.Single(snapshot.InvalidHints);
        Assert.Equal((HintKind.DirtyRate, "w1", "uid-pg"), (hint.Kind, hint.NodeName, hint.VmiUid));
        Assert.Equal("vmi db/pg: annotation drain-orchestrator.io/dirty-rate 'lots' is not a quantity of bytes per second such as 200Mi", hint.Problem);
    }

    [Fact]
    public void Map_UnusableDirtyRateInVmTemplate_ListedNamingTheVmAndWhere()
    {
        var snapshot = Map([Node("w1")], [Vmi("pg", "w1")], [Vm("pg", Annotated(HintAnnotations.DirtyRate, "0"))]);

        Assert.Null(snapshot.Vmis[0].DirtyRateBytesPerSecond);
        Assert.StartsWith("vm db/pg (spec.template.metadata.annotations): annotation drain-orchestrator.io/dirty-rate '0' is not positive",
            Assert.Single(snapshot.InvalidHints).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_WorkingSetAnnotation_InBytes()
    {
        var snapshot = Map([Node("w1")], [Vmi("pg", "w1", Annotated(HintAnnotations.WorkingSet, "6Gi"))]);

        Assert.Equal(6L << 30, snapshot.Vmis[0].WorkingSetBytes);
        Assert.Empty(snapshot.InvalidHints);
    }

    [Fact]
    public void Map_UnusableWorkingSet_UnknownAndListedWithTheVmi()
    {
        var snapshot = Map([Node("w1")], [Vmi("pg", "w1", Annotated(HintAnnotations.WorkingSet, "most"))]);

        Assert.Null(snapshot.Vmis[0].WorkingSetBytes);
        var hint = Assert.Single(snapshot.InvalidHints);
        Assert.Equal((HintKind.WorkingSet, "w1", "uid-pg"), (hint.Kind, hint.NodeName, hint.VmiUid));
        Assert.StartsWith("vmi db/pg: annotation drain-orchestrator.io/working-set 'most'", hint.Problem, StringComparison.Ordinal);
    }
}
