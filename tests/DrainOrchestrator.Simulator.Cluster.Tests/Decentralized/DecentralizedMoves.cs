namespace DrainOrchestrator.Simulator.Cluster.Tests.Decentralized;

/// <summary>The request sequence of a decentralized move, as an orchestrator makes it, for the model's tests.</summary>
internal static class DecentralizedMoves
{
    public const string TargetNs = "target";

    public static SimulatedCluster GatedCluster(ClusterScenario scenario)
    {
        var cluster = SimulatedCluster.Create(scenario);
        cluster.SetFeatureGates([FeatureGates.DecentralizedLiveMigration]);
        return cluster;
    }

    /// <summary>DataVolume, receiver VM and receiver VMIM in <see cref="TargetNs"/>; the receiver VMIM's result.</summary>
    public static VmimCreateResult PrepareReceiver(this SimulatedCluster cluster, string vm, long diskBytes, string storageClass = "")
    {
        var source = cluster.GetVirtualMachines().Single(v => v.Namespace == TestClusters.Ns && v.Name == vm);
        var volumes = new List<string>();
        if (diskBytes > 0)
        {
            Assert.Null(cluster.CreateDataVolume(new DataVolumeRequest(TargetNs, $"{vm}-disk", $"uid-dv-{vm}", storageClass, diskBytes)));
            volumes.Add($"{vm}-disk");
        }

        Assert.Null(cluster.CreateReceiverVm(new ReceiverVmRequest(TargetNs, vm, $"uid-rvm-{vm}", source.MemoryBytes,
            source.RunStrategy, volumes, source.Labels, source.MacAddress)));
        return cluster.CreateMigration(new VmimCreateRequest(TargetNs, $"in-{vm}", $"uid-in-{vm}", vm,
            Decentralized: new DecentralizedSpec(DecentralizedRole.Receiver, $"move-{vm}")));
    }

    public static VmimCreateResult Send(this SimulatedCluster cluster, string vm, string? connectUrl = null) =>
        cluster.CreateMigration(new VmimCreateRequest(TestClusters.Ns, $"out-{vm}", $"uid-out-{vm}", vm,
            Decentralized: new DecentralizedSpec(DecentralizedRole.Sender, $"move-{vm}", connectUrl ?? SynchronizationController.Address)));

    public static IReadOnlyList<MigrationPhase> Phases(this SimulatedCluster cluster, string ns, string vmim) =>
        [.. cluster.GetMigration(ns, vmim)!.PhaseTransitions.Select(t => t.Phase)];
}
