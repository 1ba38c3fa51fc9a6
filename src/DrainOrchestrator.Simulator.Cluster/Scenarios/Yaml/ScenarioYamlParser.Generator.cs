using YamlDotNet.RepresentationModel;

namespace DrainOrchestrator.Simulator.Cluster;

internal sealed partial class ScenarioYamlParser
{
    private GeneratorSpec? ParseGenerator(YamlNode node)
    {
        var f = _reader.Fields(node, "generator", "nodes", "vms", "seed", "zones", "namespaces", "nodeMemory",
            "nicBandwidth", "highDirtyFraction", "nonMigratableFraction");
        var spec = new GeneratorSpec();
        var errorsBefore = _reader.Errors.Count;
        spec = spec with
        {
            Nodes = f.TryGetValue("nodes", out var n) ? _reader.Int(n, "generator.nodes", 1) ?? 1 : spec.Nodes,
            Vms = f.TryGetValue("vms", out var v) ? _reader.Int(v, "generator.vms", 0) ?? 0 : spec.Vms,
            Seed = f.TryGetValue("seed", out var s) ? _reader.Int(s, "generator.seed") ?? 1 : spec.Seed,
            Zones = f.TryGetValue("zones", out var z) ? _reader.Int(z, "generator.zones", 1) ?? 1 : spec.Zones,
            Namespaces = f.TryGetValue("namespaces", out var ns) ? _reader.Int(ns, "generator.namespaces", 1) ?? 1 : spec.Namespaces,
            NodeMemoryBytes = f.TryGetValue("nodeMemory", out var m) ? _reader.Bytes(m, "generator.nodeMemory") ?? 1 : spec.NodeMemoryBytes,
            NicBandwidthBytesPerSecond = f.TryGetValue("nicBandwidth", out var b) ? _reader.Bandwidth(b, "generator.nicBandwidth") ?? 1 : spec.NicBandwidthBytesPerSecond,
            HighDirtyFraction = f.TryGetValue("highDirtyFraction", out var h) ? Fraction(h, "generator.highDirtyFraction") : spec.HighDirtyFraction,
            NonMigratableFraction = f.TryGetValue("nonMigratableFraction", out var x) ? Fraction(x, "generator.nonMigratableFraction") : spec.NonMigratableFraction,
        };
        return _reader.Errors.Count == errorsBefore ? spec : null;
    }

    private double Fraction(YamlNode node, string what)
    {
        var value = _reader.Number(node, what);
        if (value is > 1)
        {
            _reader.Error(node, $"{what} must be between 0 and 1, was {value}");
        }

        return value ?? 0;
    }
}
