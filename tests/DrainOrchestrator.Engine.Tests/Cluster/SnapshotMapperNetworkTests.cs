using DrainOrchestrator.Engine.Cluster;
using DrainOrchestrator.Kubernetes.Models;

namespace DrainOrchestrator.Engine.Tests.Cluster;

public sealed class SnapshotMapperNetworkTests
{
    private const long Mi = 1L << 20;

    private static readonly Dictionary<string, string> BothHints = new(StringComparer.Ordinal)
    {
        [HintAnnotations.MigrationBandwidth] = "100Mi",
        [HintAnnotations.MigrationNetworkBandwidth] = "2980Mi",
    };

    private static Node Node(string name, Dictionary<string, string> annotations) => new()
    {
        Metadata = new ObjectMeta { Name = name, Annotations = annotations },
        Status = new NodeStatus { Conditions = [new NodeCondition { Type = "Ready", Status = "True" }] },
    };

    private static KubeVirt KubeVirt(string? network) => new()
    {
        Metadata = new ObjectMeta { Name = "kubevirt", Namespace = "kubevirt" },
        Spec = new KubeVirtSpec { Configuration = new KubeVirtConfiguration { Migrations = new MigrationConfiguration { Network = network } } },
    };

    [Theory]
    [InlineData(null, 100)]
    [InlineData("migration-net", 2980)]
    public void Map_MigrationNetworkConfigured_ReadsTheMigrationNicsBandwidth(string? network, long expectedMi)
    {
        var snapshot = SnapshotMapper.Map(new ClusterState([Node("w1", BothHints)], [], [], [], [], KubeVirt(network)));

        Assert.Equal(expectedMi * Mi, snapshot.Nodes[0].NicBandwidthBytesPerSecond);
    }

    [Fact]
    public void Map_MigrationNetworkButNodeWithoutItsHint_FallsBackToThePodNetworksBandwidth()
    {
        var podOnly = new Dictionary<string, string>(StringComparer.Ordinal) { [HintAnnotations.MigrationBandwidth] = "100Mi" };

        var snapshot = SnapshotMapper.Map(new ClusterState([Node("w1", podOnly)], [], [], [], [], KubeVirt("migration-net")));

        Assert.Equal(100 * Mi, snapshot.Nodes[0].NicBandwidthBytesPerSecond);
    }
}
