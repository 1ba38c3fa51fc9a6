using System.Globalization;

namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>
/// Generates clusters of any size from simple distributions, reproducibly from the spec's seed: nodes spread over
/// zones, VMs of mixed sizes with mostly modest dirty rates, a few memory-hungry writers and a few non-migratable VMs.
/// VMs are left unpinned; the model places them with its scheduler.
/// </summary>
public static class ScenarioGenerator
{
    private const long GiB = 1024L * 1024 * 1024;
    private const long MiB = 1024L * 1024;
    private static readonly (long Memory, int Weight)[] VmSizes =
        [(2 * GiB, 20), (4 * GiB, 35), (8 * GiB, 25), (16 * GiB, 15), (32 * GiB, 5)];

    /// <summary>A whole scenario from <paramref name="spec"/>.</summary>
    public static ClusterScenario Generate(GeneratorSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var scenario = new ClusterScenario { Name = spec.ToString(), Source = spec.ToString(), Seed = spec.Seed };
        return Extend(scenario, spec);
    }

    /// <summary><paramref name="scenario"/> with generated namespaces, nodes and VMs appended.</summary>
    public static ClusterScenario Extend(ClusterScenario scenario, GeneratorSpec spec)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(spec);
        var random = new Random(spec.Seed);
        var namespaces = Enumerable.Range(0, spec.Namespaces)
            .Select(i => new NamespaceDefinition(Name("tenant", i, 2), new Dictionary<string, string>
            {
                ["tenant"] = Name("tenant", i, 2),
                ["tier"] = i % 3 == 0 ? "production" : "development",
            }))
            .ToList();
        var nodes = Enumerable.Range(0, spec.Nodes).Select(i => new NodeDefinition
        {
            Name = Name("node", i, 4),
            MemoryBytes = spec.NodeMemoryBytes,
            NicBandwidthBytesPerSecond = spec.NicBandwidthBytesPerSecond,
            Labels = new Dictionary<string, string>
            {
                ["topology.kubernetes.io/zone"] = Name("zone", i % spec.Zones, 1),
                ["node-role.kubernetes.io/worker"] = string.Empty,
            },
        }).ToList();
        var vms = Enumerable.Range(0, spec.Vms).Select(i => GenerateVm(random, spec, namespaces, i)).ToList();
        return scenario with
        {
            Namespaces = [.. scenario.Namespaces, .. namespaces.Where(n => scenario.Namespaces.All(e => e.Name != n.Name))],
            Nodes = [.. scenario.Nodes, .. nodes],
            Vms = [.. scenario.Vms, .. vms],
        };
    }

    private static VmDefinition GenerateVm(Random random, GeneratorSpec spec, List<NamespaceDefinition> namespaces, int i)
    {
        var memory = PickSize(random);
        var roll = random.NextDouble();
        var highDirty = roll < spec.HighDirtyFraction;
        var nonMigratable = !highDirty && roll < spec.HighDirtyFraction + spec.NonMigratableFraction;

        // Exponential dirty rates around 20 MiB/s; the heavy writers dirty 2-4 GiB/s, more than a shared NIC carries.
        var dirtyRate = highDirty ? (2 + 2 * random.NextDouble()) * GiB : -Math.Log(1 - random.NextDouble()) * 20 * MiB;
        var workingSet = (long)(memory * (0.1 + 0.4 * random.NextDouble()));
        var ns = namespaces[random.Next(namespaces.Count)];
        return new VmDefinition
        {
            Namespace = ns.Name,
            Name = Name("vm", i, 5),
            MemoryBytes = memory,
            DirtyRateBytesPerSecond = dirtyRate,
            WorkingSetBytes = workingSet,
            EvictionStrategy = EvictionStrategy.LiveMigrate,
            NonMigratableReason = nonMigratable ? LiveMigratableReasons.DisksNotLiveMigratable : null,
            Labels = new Dictionary<string, string>
            {
                ["app"] = Name("app", i % 50, 2),
                ["workload"] = highDirty ? "database" : "general",
            },
        };
    }

    private static long PickSize(Random random)
    {
        var roll = random.Next(VmSizes.Sum(s => s.Weight));
        foreach (var (memory, weight) in VmSizes)
        {
            if (roll < weight)
            {
                return memory;
            }

            roll -= weight;
        }

        return VmSizes[0].Memory;
    }

    private static string Name(string prefix, int index, int digits) =>
        prefix + "-" + index.ToString("D" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
