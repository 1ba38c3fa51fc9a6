using DrainOrchestrator.Engine.Evacuate;
using DrainOrchestrator.Kubernetes.Client;
using DrainOrchestrator.Kubernetes.Models;

namespace DrainOrchestrator.Engine.Tests.Evacuate;

public sealed class EvacuationSlotsTests
{
    private static readonly KubeVirt Limits = new()
    {
        Spec = new KubeVirtSpec
        {
            Configuration = new KubeVirtConfiguration
            {
                Migrations = new MigrationConfiguration { ParallelMigrationsPerCluster = 5, ParallelOutboundMigrationsPerNode = 2 },
            },
        },
    };

    private static EvacuationSides Sides(bool sameCluster)
    {
        var client = (KubernetesClient)null!;
        return new EvacuationSides(client, "https://a", client, sameCluster ? "https://a" : "https://b");
    }

    private static VirtualMachineInstanceMigration Foreign(string vmi, string? phase = "Running") => new()
    {
        Metadata = new ObjectMeta { Name = vmi + "-m", Namespace = "apps" },
        Spec = new VirtualMachineInstanceMigrationSpec { VmiName = vmi },
        Status = new VirtualMachineInstanceMigrationStatus { Phase = phase },
    };

    [Fact]
    public void TryTake_OneCluster_EachPairTakesTwoOfTheClusterLimit()
    {
        var slots = EvacuationSlots.Of(Sides(sameCluster: true), Guid.NewGuid(), Limits, Limits, [], [], new Dictionary<(string, string), string>(), []);

        Assert.True(slots.TryTake("node-1"));
        Assert.True(slots.TryTake("node-2"));
        Assert.False(slots.TryTake("node-3"));
    }

    [Fact]
    public void TryTake_ForeignMigrationsInFlight_CountAgainstTheLimitAndTheirNode()
    {
        var nodes = new Dictionary<(string, string), string> { [("apps", "x")] = "node-1", [("apps", "y")] = "node-1" };
        var slots = EvacuationSlots.Of(Sides(sameCluster: true), Guid.NewGuid(), Limits, Limits,
            [Foreign("x"), Foreign("y"), Foreign("z", "Succeeded")], [], nodes, []);

        Assert.False(slots.TryTake("node-1"));
        Assert.True(slots.TryTake("node-2"));
        Assert.False(slots.TryTake("node-3"));
    }

    [Fact]
    public void TryTake_TwoClusters_OneSlotEachSide()
    {
        var slots = EvacuationSlots.Of(Sides(sameCluster: false), Guid.NewGuid(), Limits, Limits, [], [], new Dictionary<(string, string), string>(),
            ["node-1", "node-2"]);

        Assert.True(slots.TryTake("node-3"));
        Assert.True(slots.TryTake("node-3"));
        Assert.False(slots.TryTake("node-3"));
        Assert.True(slots.TryTake("node-4"));
        Assert.False(slots.TryTake("node-5"));
    }
}
