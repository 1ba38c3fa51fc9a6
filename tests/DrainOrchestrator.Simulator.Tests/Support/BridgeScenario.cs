namespace DrainOrchestrator.Simulator.Tests.Support;

/// <summary>
/// The cluster the model-backed tests run: four nodes; 20 small "fleet" VMs on node-1 and node-2; "solo" VMs on node-1;
/// "busy" VMs on node-2 dirtying memory faster than the NIC carries (they stay Running until the progress timeout);
/// one labelled VM for MigrationPolicy tests. Short pod start-up and unschedulable timeout, so --speed makes it quick.
/// </summary>
public static class BridgeScenario
{
    public const string Yaml = """
        name: bridge-test
        seed: 3
        kubevirt:
          migrations:
            parallelMigrationsPerCluster: 5
            parallelOutboundMigrationsPerNode: 2
        timings:
          targetPodStartup: 2s
          unschedulableTimeout: 30s
        namespaces:
          - name: default
            labels: {}
        nodes:
          - name: node-{i}
            count: 4
            memory: 128Gi
            nicBandwidth: 10Gbit
            kubeletVersion: v1.32.1
        vms:
          - namespace: default
            name: fleet-{i}
            count: 20
            memory: 1Gi
            dirtyRate: 10Mi
            workingSet: 256Mi
            evictionStrategy: LiveMigrate
            nodes: [node-1, node-2]
          - namespace: default
            name: solo-{i}
            count: 6
            memory: 2Gi
            dirtyRate: 10Mi
            evictionStrategy: LiveMigrate
            node: node-1
          - namespace: default
            name: busy-{i}
            count: 2
            memory: 8Gi
            dirtyRate: 2Gi
            workingSet: 6Gi
            evictionStrategy: LiveMigrate
            node: node-2
          - namespace: default
            name: tagged
            memory: 1Gi
            dirtyRate: 10Mi
            labels: {app: tagged}
            node: node-1
          - namespace: default
            name: pinned-disk
            memory: 1Gi
            nonMigratableReason: DisksNotLiveMigratable
            node: node-3

        """;
}
