using YamlDotNet.RepresentationModel;

namespace DrainOrchestrator.Simulator.Cluster;

internal sealed partial class ScenarioYamlParser
{
    private List<NetworkAttachment> ParseNetworkAttachments(YamlNode node)
    {
        var result = new List<NetworkAttachment>();
        foreach (var item in _reader.Items(node, "networkAttachmentDefinitions"))
        {
            var f = _reader.Fields(item, "a network attachment definition", "name", "namespace", "config");
            var name = _reader.RequiredStr(f, "name", item, "a network attachment definition");
            var ns = f.TryGetValue("namespace", out var n) ? _reader.Str(n, "network attachment definition namespace") : MigrationNetwork.Namespace;
            var config = _reader.RequiredStr(f, "config", item, "a network attachment definition");
            if (name is not null && ns is not null && config is not null)
            {
                var attachment = new NetworkAttachment(ns, name, config);
                Positions[attachment] = item;
                result.Add(attachment);
            }
        }

        return result;
    }
}
