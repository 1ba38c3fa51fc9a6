using YamlDotNet.RepresentationModel;

namespace DrainOrchestrator.Simulator.Cluster;

internal sealed partial class ScenarioYamlParser
{
    private List<NodeDefinition> ParseNodes(YamlNode node)
    {
        var result = new List<NodeDefinition>();
        foreach (var item in _reader.Items(node, "nodes"))
        {
            var f = _reader.Fields(item, "a node", "name", "count", "labels", "taints", "memory", "nicBandwidth",
                "kubeletVersion", "ready", "unschedulable", "migrationNic");
            var name = _reader.RequiredStr(f, "name", item, "a node");
            var memory = f.TryGetValue("memory", out var m) ? _reader.Bytes(m, "node memory") : Missing(item, "a node", "memory");
            var nic = f.TryGetValue("nicBandwidth", out var b) ? _reader.Bandwidth(b, "node nicBandwidth") : Missing(item, "a node", "nicBandwidth");
            if (name is null || memory is null || nic is null)
            {
                continue;
            }

            var template = new NodeDefinition
            {
                Name = name,
                MemoryBytes = memory.Value,
                NicBandwidthBytesPerSecond = nic.Value,
                MigrationNicBandwidthBytesPerSecond = f.TryGetValue("migrationNic", out var mn) ? _reader.Bandwidth(mn, "node migrationNic") ?? 0 : 0,
                Labels = f.TryGetValue("labels", out var l) ? _reader.Labels(l, "node labels") : new Dictionary<string, string>(),
                Taints = f.TryGetValue("taints", out var t) ? ParseTaints(t) : [],
                KubeletVersion = f.TryGetValue("kubeletVersion", out var k) ? _reader.Str(k, "kubeletVersion") ?? "v1.32.0" : "v1.32.0",
                Ready = !f.TryGetValue("ready", out var r) || (_reader.Bool(r, "ready") ?? true),
                Unschedulable = f.TryGetValue("unschedulable", out var u) && (_reader.Bool(u, "unschedulable") ?? false),
            };
            var count = Count(f, name, item);
            for (var i = 1; i <= count; i++)
            {
                var definition = template with { Name = Expand(name, i, count) };
                Positions[definition] = item;
                result.Add(definition);
            }
        }

        return result;
    }

    private List<NodeTaint> ParseTaints(YamlNode node)
    {
        var taints = new List<NodeTaint>();
        foreach (var item in _reader.Items(node, "taints"))
        {
            var f = _reader.Fields(item, "a taint", "key", "value", "effect");
            var key = _reader.RequiredStr(f, "key", item, "a taint");
            var value = f.TryGetValue("value", out var v) ? YamlReader.Scalar(v) : string.Empty;
            var effect = f.TryGetValue("effect", out var e) ? _reader.Enum<TaintEffect>(e, "taint effect") : TaintEffect.NoSchedule;
            if (key is not null && effect is not null)
            {
                taints.Add(new NodeTaint(key, value, effect.Value));
            }
        }

        return taints;
    }

    private List<Toleration> ParseTolerations(YamlNode node)
    {
        var tolerations = new List<Toleration>();
        foreach (var item in _reader.Items(node, "tolerations"))
        {
            var f = _reader.Fields(item, "a toleration", "key", "operator", "value", "effect");
            var op = f.TryGetValue("operator", out var o) ? YamlReader.Scalar(o) : "Equal";
            if (op is not ("Equal" or "Exists"))
            {
                _reader.Error(o!, $"toleration operator must be Equal or Exists, was \"{op}\"");
                continue;
            }

            var key = f.TryGetValue("key", out var k) ? YamlReader.Scalar(k) : null;
            var value = op == "Exists" ? null : f.TryGetValue("value", out var v) ? YamlReader.Scalar(v) : string.Empty;
            TaintEffect? effect = f.TryGetValue("effect", out var e) ? _reader.Enum<TaintEffect>(e, "toleration effect") : null;
            tolerations.Add(new Toleration(key, value, effect));
        }

        return tolerations;
    }

    private List<NodeSelectorTerm> ParseAffinity(YamlNode node)
    {
        var terms = new List<NodeSelectorTerm>();
        var f = _reader.Fields(node, "affinity", "required");
        if (!f.TryGetValue("required", out var required))
        {
            return terms;
        }

        foreach (var term in _reader.Items(required, "affinity.required"))
        {
            var tf = _reader.Fields(term, "a node selector term", "matchExpressions");
            var expressions = new List<NodeSelectorRequirement>();
            var items = tf.TryGetValue("matchExpressions", out var me) ? _reader.Items(me, "matchExpressions") : [];
            foreach (var item in items)
            {
                var ef = _reader.Fields(item, "a match expression", "key", "operator", "values");
                var key = _reader.RequiredStr(ef, "key", item, "a match expression");
                var op = ef.TryGetValue("operator", out var o) ? _reader.Enum<NodeSelectorOperator>(o, "operator") : null;
                if (!ef.ContainsKey("operator"))
                {
                    _reader.Error(item, "a match expression is missing required field \"operator\"");
                }

                var values = ef.TryGetValue("values", out var vs)
                    ? _reader.Items(vs, "values").Select(YamlReader.Scalar).ToList()
                    : [];
                if (key is not null && op is not null)
                {
                    expressions.Add(new NodeSelectorRequirement(key, op.Value, values));
                }
            }

            terms.Add(new NodeSelectorTerm(expressions));
        }

        return terms;
    }

    private long? Missing(YamlNode item, string what, string key)
    {
        _reader.Error(item, $"{what} is missing required field \"{key}\"");
        return null;
    }
}
