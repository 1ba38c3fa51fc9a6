using DrainOrchestrator.Simulator.Cluster;
using DrainOrchestrator.Simulator.KubeVirt;
using DrainOrchestrator.Simulator.Seeding;

namespace DrainOrchestrator.Simulator.Tests.Support;

/// <summary>
/// Two clusters of one process on one <see cref="ClusterNetwork"/>, each on its own port with its own kubeconfig, as
/// <c>drain-sim serve --peer-scenario</c> serves them: "east" holds app-1..app-3 (namespace apps, MACs 02:00:00:00:0e:0{i}),
/// "west" is empty but for its namespace apps and a running <c>apps/squatter</c> with app-3's MAC; west allows one
/// migration in flight. Model time at 20x.
/// </summary>
public sealed class TwoClustersFixture : IAsyncLifetime
{
    private const string EastYaml = """
        name: east
        seed: 21
        kubevirt:
          migrations:
            parallelMigrationsPerCluster: 5
            parallelOutboundMigrationsPerNode: 2
        timings:
          targetPodStartup: 1s
        namespaces:
          - name: apps
        nodes:
          - name: east-{i}
            count: 2
            memory: 64Gi
            nicBandwidth: 10Gbit
        vms:
          - namespace: apps
            name: app-{i}
            count: 3
            memory: 1Gi
            dirtyRate: 5Mi
            evictionStrategy: LiveMigrate
            node: east-1
            macAddress: 02:00:00:00:0e:0{i}
        """;

    private const string WestYaml = """
        name: west
        seed: 22
        kubevirt:
          migrations:
            parallelMigrationsPerCluster: 1
            parallelOutboundMigrationsPerNode: 2
        timings:
          targetPodStartup: 1s
        namespaces:
          - name: apps
        nodes:
          - name: west-{i}
            count: 2
            memory: 64Gi
            nicBandwidth: 10Gbit
        vms:
          - namespace: apps
            name: squatter
            memory: 1Gi
            node: west-2
            macAddress: 02:00:00:00:0e:03
        """;

    private readonly ClusterNetwork _network = new();

    public ClusterSide East { get; private set; } = null!;

    public ClusterSide West { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        East = new ClusterSide(EastYaml, "east.yaml", _network);
        West = new ClusterSide(WestYaml, "west.yaml", _network);
        await East.InitializeAsync();
        await West.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await West.DisposeAsync();
        await East.DisposeAsync();
    }

    /// <summary>One of the two clusters: its own server, kubeconfig and kubectl.</summary>
    public sealed class ClusterSide(string yaml, string file, ClusterNetwork network) : ScenarioFixture
    {
        protected override string ScenarioYaml => yaml;

        protected override string ScenarioFile => file;

        protected override ISeeder CreateSeeder() => new ScenarioSeeder(ScenarioCatalog.Parse(yaml, file), seed: null, network);
    }
}
