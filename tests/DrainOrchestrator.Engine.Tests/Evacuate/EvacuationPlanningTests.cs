using DrainOrchestrator.Engine.Evacuate;
using DrainOrchestrator.Kubernetes.Models;

namespace DrainOrchestrator.Engine.Tests.Evacuate;

public sealed class EvacuationPlanningTests
{
    private static EvacuationCandidate Vm(string name, long memoryGi, params long[] disksGi) => new(
        new VirtualMachine { Metadata = new ObjectMeta { Name = name, Namespace = "apps", Uid = "uid-" + name } },
        memoryGi << 30, [.. disksGi.Select((d, i) => new EvacuationDisk("disk" + i, name + "-disk" + i, d << 30, null))], "node-1", []);

    [Fact]
    public void Plan_DiskBytesCountWithMemory_CostliestFirstInWavesOfTheLimit()
    {
        var plan = EvacuationPlanner.Plan([Vm("small", 1), Vm("disky", 1, 20), Vm("big", 8), Vm("mid", 2, 1)], pairsPerWave: 2);

        Assert.Equal(["disky", "big", "mid", "small"], plan.Select(p => p.VmName));
        Assert.Equal([1, 1, 2, 2], plan.Select(p => p.Wave));
        Assert.Equal(20L << 30, plan[0].DiskBytes);
        Assert.Equal([0, 1, 2, 3], plan.Select(p => p.Position));
    }

    [Fact]
    public void Names_SameInputs_SameNames_AnotherAttempt_AnotherMigrationId()
    {
        var id = Guid.NewGuid();

        Assert.Equal(EvacuationNames.MigrationId(id, "uid", 1), EvacuationNames.MigrationId(id, "uid", 1));
        Assert.NotEqual(EvacuationNames.MigrationId(id, "uid", 1), EvacuationNames.MigrationId(id, "uid", 2));
        Assert.NotEqual(EvacuationNames.MigrationId(id, "uid", 1), EvacuationNames.MigrationId(Guid.NewGuid(), "uid", 1));
        Assert.NotEqual(EvacuationNames.SourceVmim(id, "vm", "uid", 1), EvacuationNames.ReceiverVmim(id, "vm", "uid", 1));
        var longName = EvacuationNames.SourceVmim(id, new string('a', 200), "uid", 1);
        Assert.True(longName.Length <= 63, longName);
    }
}
