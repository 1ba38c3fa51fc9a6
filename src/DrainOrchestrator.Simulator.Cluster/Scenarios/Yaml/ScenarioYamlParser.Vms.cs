using YamlDotNet.RepresentationModel;

namespace DrainOrchestrator.Simulator.Cluster;

internal sealed partial class ScenarioYamlParser
{
    private List<VmDefinition> ParseVms(YamlNode node)
    {
        var result = new List<VmDefinition>();
        foreach (var item in _reader.Items(node, "vms"))
        {
            var f = _reader.Fields(item, "a vm", "namespace", "name", "count", "labels", "memory", "dirtyRate",
                "workingSet", "evictionStrategy", "runStrategy", "nonMigratableReason", "nodeSelector", "affinity",
                "tolerations", "node", "nodes", "uid", "vmiUid", "macAddress");
            var ns = _reader.RequiredStr(f, "namespace", item, "a vm");
            var name = _reader.RequiredStr(f, "name", item, "a vm");
            var memory = f.TryGetValue("memory", out var m) ? _reader.Bytes(m, "vm memory") : Missing(item, "a vm", "memory");
            if (ns is null || name is null || memory is null)
            {
                continue;
            }

            var template = new VmDefinition
            {
                Namespace = ns,
                Name = name,
                MemoryBytes = memory.Value,
                Labels = f.TryGetValue("labels", out var l) ? _reader.Labels(l, "vm labels") : new Dictionary<string, string>(),
                DirtyRateBytesPerSecond = f.TryGetValue("dirtyRate", out var d) ? _reader.Bandwidth(d, "vm dirtyRate") ?? 0 : 0,
                WorkingSetBytes = f.TryGetValue("workingSet", out var w) ? _reader.Bytes(w, "vm workingSet") : null,
                EvictionStrategy = f.TryGetValue("evictionStrategy", out var e) ? _reader.Enum<EvictionStrategy>(e, "evictionStrategy") : null,
                RunStrategy = f.TryGetValue("runStrategy", out var r) ? _reader.Enum<RunStrategy>(r, "runStrategy") ?? RunStrategy.Always : RunStrategy.Always,
                NonMigratableReason = f.TryGetValue("nonMigratableReason", out var n) ? _reader.Str(n, "nonMigratableReason") : null,
                NodeSelector = f.TryGetValue("nodeSelector", out var s) ? _reader.Labels(s, "nodeSelector") : new Dictionary<string, string>(),
                RequiredNodeAffinity = f.TryGetValue("affinity", out var a) ? ParseAffinity(a) : [],
                Tolerations = f.TryGetValue("tolerations", out var t) ? ParseTolerations(t) : [],
                Node = f.TryGetValue("node", out var pinned) ? _reader.Str(pinned, "vm node") : null,
                Uid = f.TryGetValue("uid", out var uid) ? _reader.Str(uid, "vm uid") : null,
                VmiUid = f.TryGetValue("vmiUid", out var vmiUid) ? _reader.Str(vmiUid, "vm vmiUid") : null,
                MacAddress = f.TryGetValue("macAddress", out var mac) ? _reader.Str(mac, "vm macAddress") : null,
            };
            var spread = f.TryGetValue("nodes", out var list) ? _reader.Items(list, "vm nodes").Select(YamlReader.Scalar).ToList() : [];
            if (spread.Count > 0 && template.Node is not null)
            {
                _reader.Error(item, "a vm may give node or nodes, not both");
            }

            var count = Count(f, name, item);
            if (count > 1 && (template.Uid is not null || template.VmiUid is not null))
            {
                _reader.Error(item, "a vm with a count may not give uid or vmiUid: uids are unique");
            }

            for (var i = 1; i <= count; i++)
            {
                var definition = template with
                {
                    Name = Expand(name, i, count),
                    MacAddress = template.MacAddress is { } address ? Expand(address, i, count) : null,
                    Node = spread.Count > 0 ? spread[(i - 1) % spread.Count] : template.Node is { } p ? Expand(p, i, count) : null,
                };
                Positions[definition] = item;
                result.Add(definition);
            }
        }

        return result;
    }
}
