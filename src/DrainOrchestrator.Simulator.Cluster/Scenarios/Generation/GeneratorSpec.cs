using System.Globalization;

namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>
/// Parameters for generating a large cluster from distributions. Written as <c>generated:nodes=500,vms=10000,seed=1</c>
/// or as a scenario's <c>generator</c> section.
/// </summary>
public sealed record GeneratorSpec
{
    /// <summary>The prefix of the compact form.</summary>
    public const string Prefix = "generated:";

    /// <summary>How many nodes.</summary>
    public int Nodes { get; init; } = 50;

    /// <summary>How many VMs.</summary>
    public int Vms { get; init; } = 500;

    /// <summary>The generator's seed (also the scenario's default run seed).</summary>
    public int Seed { get; init; } = 1;

    /// <summary>How many zones nodes are spread across.</summary>
    public int Zones { get; init; } = 3;

    /// <summary>How many tenant namespaces.</summary>
    public int Namespaces { get; init; } = 10;

    /// <summary>Allocatable memory per node.</summary>
    public long NodeMemoryBytes { get; init; } = 1024L * 1024 * 1024 * 1024;

    /// <summary>Migration NIC bandwidth per node, bytes per second (25 Gbit/s).</summary>
    public long NicBandwidthBytesPerSecond { get; init; } = 25_000_000_000 / 8;

    /// <summary>Fraction of VMs that dirty memory faster than a shared NIC can carry.</summary>
    public double HighDirtyFraction { get; init; } = 0.02;

    /// <summary>Fraction of VMs that cannot live-migrate.</summary>
    public double NonMigratableFraction { get; init; } = 0.01;

    /// <summary>Parses the compact form <c>generated:key=value,...</c>; every problem is reported at once.</summary>
    public static GeneratorSpec Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var body = text.StartsWith(Prefix, StringComparison.Ordinal) ? text[Prefix.Length..] : text;
        var spec = new GeneratorSpec();
        var problems = new List<ScenarioError>();
        foreach (var part in body.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pair = part.Split('=', 2, StringSplitOptions.TrimEntries);
            var value = pair.Length == 2 ? pair[1] : string.Empty;
            var ok = int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number);
            var fraction = double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var real);
            GeneratorSpec? next = pair[0] switch
            {
                "nodes" when ok && number > 0 => spec with { Nodes = number },
                "vms" when ok && number >= 0 => spec with { Vms = number },
                "seed" when ok => spec with { Seed = number },
                "zones" when ok && number > 0 => spec with { Zones = number },
                "namespaces" when ok && number > 0 => spec with { Namespaces = number },
                "highDirty" when fraction && real is >= 0 and <= 1 => spec with { HighDirtyFraction = real },
                "nonMigratable" when fraction && real is >= 0 and <= 1 => spec with { NonMigratableFraction = real },
                _ => null,
            };
            if (next is null)
            {
                problems.Add(new ScenarioError(text, 0, 0,
                    $"bad generator parameter \"{part}\" (expected nodes, vms, seed, zones, namespaces as positive integers; highDirty, nonMigratable as fractions)"));
            }
            else
            {
                spec = next;
            }
        }

        return problems.Count > 0 ? throw new ScenarioException(problems) : spec;
    }

    /// <summary>The compact form of this spec's main parameters.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}nodes={Nodes},vms={Vms},seed={Seed}");
}
