namespace DrainOrchestrator.Simulator.Cluster.Tests.Physics;

/// <summary>The migration job the physics tests hang a <see cref="Transfer"/> on: one VM, owned by a bare controller.</summary>
internal static class TestJobs
{
    private static readonly ClusterController Controller =
        new(new ModelContext(new ClusterState(), seed: 1, DateTimeOffset.UnixEpoch), SimulationOptions.DefaultStep);

    /// <summary>A job named <c>mig-NAME</c> migrating a VM of <paramref name="memoryBytes"/> named <paramref name="name"/>.</summary>
    public static MigrationJob Of(string name, long memoryBytes)
    {
        var vm = new VmState { Namespace = "ns", Name = name, Uid = "uid", MemoryBytes = memoryBytes };
        return new MigrationJob
        {
            Namespace = "ns",
            Name = "mig-" + vm.Name,
            Uid = "job",
            VmiName = vm.Name,
            AddedNodeSelector = new Dictionary<string, string>(),
            CreatedAt = DateTimeOffset.UnixEpoch,
            Vm = vm,
            VmiUid = "uid",
            AdmissionKey = 0,
            Sequence = 0,
            Owner = Controller,
        };
    }
}
