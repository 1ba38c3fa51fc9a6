using YamlDotNet.RepresentationModel;

namespace DrainOrchestrator.Simulator.Cluster;

internal sealed partial class ScenarioYamlParser
{
    private static readonly string[] FaultKinds =
    [
        "targetPodStartFailure", "migrationNetworkLoss", "nodeNotReady", "nodeReboot", "vmiDeletion", "dirtyRateChange",
    ];

    private List<ScheduledFault> ParseFaults(YamlNode node)
    {
        var result = new List<ScheduledFault>();
        foreach (var item in _reader.Items(node, "faults"))
        {
            var f = _reader.Fields(item, "a fault", "at", "kind", "node", "count", "duration", "kubeletVersion",
                "namespace", "name", "whileMigrating", "dirtyRate");
            var at = f.TryGetValue("at", out var a) ? _reader.Duration(a, "fault at", Second) : TimeSpan.Zero;
            var kind = _reader.RequiredStr(f, "kind", item, "a fault");
            if (at is null || kind is null)
            {
                continue;
            }

            FaultSpec? fault = kind switch
            {
                "targetPodStartFailure" => new TargetPodStartFailureFault(
                    f.TryGetValue("node", out var n) ? _reader.Str(n, "fault node") : null,
                    f.TryGetValue("count", out var c) ? _reader.Int(c, "fault count", 1) ?? 1 : 1),
                "migrationNetworkLoss" => NodeFault(f, item, (node, d) => new MigrationNetworkLossFault(node, d)),
                "nodeNotReady" => NodeFault(f, item, (node, d) => new NodeNotReadyFault(node, d)),
                "nodeReboot" => NodeFault(f, item, (node, d) => new NodeRebootFault(
                    node, d, f.TryGetValue("kubeletVersion", out var k) ? _reader.Str(k, "kubeletVersion") : null)),
                "vmiDeletion" => VmFault(f, item, (ns, name) => new VmiDeletionFault(
                    ns, name, f.TryGetValue("whileMigrating", out var w) && (_reader.Bool(w, "whileMigrating") ?? false))),
                "dirtyRateChange" => VmFault(f, item, (ns, name) => f.TryGetValue("dirtyRate", out var r)
                    ? _reader.Bandwidth(r, "fault dirtyRate") is { } rate ? new DirtyRateChangeFault(ns, name, rate) : null
                    : Fail(item, "a dirtyRateChange fault is missing required field \"dirtyRate\"")),
                _ => Fail(f["kind"], $"fault kind must be one of {string.Join(", ", FaultKinds)}, was \"{kind}\""),
            };
            if (fault is not null)
            {
                var scheduled = new ScheduledFault(at.Value, fault);
                Positions[scheduled] = item;
                result.Add(scheduled);
            }
        }

        return result;
    }

    private FaultSpec? NodeFault(Dictionary<string, YamlNode> f, YamlNode item, Func<string, TimeSpan, FaultSpec> create)
    {
        var node = _reader.RequiredStr(f, "node", item, "a node fault");
        var duration = f.TryGetValue("duration", out var d)
            ? _reader.Duration(d, "fault duration", Second)
            : Fail<TimeSpan?>(item, "a node fault is missing required field \"duration\"");
        return node is null || duration is null ? null : create(node, duration.Value);
    }

    private FaultSpec? VmFault(Dictionary<string, YamlNode> f, YamlNode item, Func<string, string, FaultSpec?> create)
    {
        var ns = _reader.RequiredStr(f, "namespace", item, "a vm fault");
        var name = _reader.RequiredStr(f, "name", item, "a vm fault");
        return ns is null || name is null ? null : create(ns, name);
    }

    private FaultSpec? Fail(YamlNode node, string message) => Fail<FaultSpec>(node, message);

    private T? Fail<T>(YamlNode node, string message)
    {
        _reader.Error(node, message);
        return default;
    }
}
