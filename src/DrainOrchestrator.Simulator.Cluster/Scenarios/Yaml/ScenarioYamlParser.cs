using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>Turns scenario YAML into a <see cref="ClusterScenario"/>, remembering where each definition came from.</summary>
internal sealed partial class ScenarioYamlParser
{
    private static readonly string[] TopLevelFields =
    [
        "name", "description", "seed", "startTime", "kubevirt", "timings", "namespaces", "nodes", "vms",
        "migrationPolicies", "faults", "generator", "hints", "upgrade", "networkAttachmentDefinitions",
    ];

    private readonly YamlReader _reader;

    private ScenarioYamlParser(string file) => _reader = new YamlReader(file);

    /// <summary>Where each definition object was written (for semantic errors).</summary>
    private Dictionary<object, YamlNode> Positions { get; } = new(ReferenceEqualityComparer.Instance);

    public static ClusterScenario Parse(string yaml, string file)
    {
        var parser = new ScenarioYamlParser(file);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new ScenarioException([new ScenarioError(file, e.Start.Line, e.Start.Column, "malformed YAML: " + e.Message)]);
        }

        if (stream.Documents.Count == 0)
        {
            throw new ScenarioException([new ScenarioError(file, 1, 1, "the scenario is empty")]);
        }

        var scenario = parser.ParseRoot(stream.Documents[0].RootNode);
        var errors = parser._reader.Errors;
        errors.AddRange(ScenarioValidator.Validate(scenario, file, o => parser.Positions.GetValueOrDefault(o)));
        if (errors.Count > 0)
        {
            throw new ScenarioException([.. errors.OrderBy(e => e.Line).ThenBy(e => e.Column)]);
        }

        return scenario;
    }

    private ClusterScenario ParseRoot(YamlNode root)
    {
        var fields = _reader.Fields(root, "the scenario", TopLevelFields);
        var name = _reader.RequiredStr(fields, "name", root, "the scenario") ?? "unnamed";
        var scenario = new ClusterScenario { Name = name, Source = _reader.File };
        if (fields.TryGetValue("seed", out var seed))
        {
            scenario = scenario with { Seed = _reader.Int(seed, "seed") ?? 1 };
        }

        if (fields.TryGetValue("startTime", out var start))
        {
            scenario = scenario with { StartTime = ParseTime(start) ?? ClusterScenario.DefaultStartTime };
        }

        if (fields.TryGetValue("hints", out var hints))
        {
            scenario = scenario with { Hints = _reader.Bool(hints, "hints") ?? false };
        }

        if (fields.TryGetValue("kubevirt", out var kubevirt))
        {
            var (config, evacuationController) = ParseKubeVirt(kubevirt);
            scenario = scenario with { MigrationConfig = config, EvacuationController = evacuationController };
        }

        if (fields.TryGetValue("timings", out var timings))
        {
            scenario = scenario with { Timings = ParseTimings(timings) };
        }

        var namespaces = fields.TryGetValue("namespaces", out var ns) ? ParseNamespaces(ns) : [];
        var nodes = fields.TryGetValue("nodes", out var nodeList) ? ParseNodes(nodeList) : [];
        var vms = fields.TryGetValue("vms", out var vmList) ? ParseVms(vmList) : [];
        var policies = fields.TryGetValue("migrationPolicies", out var policyList) ? ParsePolicies(policyList) : [];
        var faults = fields.TryGetValue("faults", out var faultList) ? ParseFaults(faultList) : [];
        var attachments = fields.TryGetValue("networkAttachmentDefinitions", out var nadList) ? ParseNetworkAttachments(nadList) : [];
        scenario = scenario with
        {
            Namespaces = namespaces,
            Nodes = nodes,
            Vms = vms,
            MigrationPolicies = policies,
            Faults = faults,
            NetworkAttachments = attachments,
        };

        if (fields.TryGetValue("upgrade", out var upgrade))
        {
            scenario = scenario with { Upgrade = ParseUpgrade(upgrade) };
        }

        if (fields.TryGetValue("generator", out var generator) && ParseGenerator(generator) is { } spec)
        {
            scenario = ScenarioGenerator.Extend(scenario, spec);
        }

        return scenario;
    }

    private DateTimeOffset? ParseTime(YamlNode node)
    {
        if (DateTimeOffset.TryParse(YamlReader.Scalar(node), CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            return time;
        }

        _reader.Error(node, $"startTime must be an ISO 8601 time such as 2025-01-01T00:00:00Z, was \"{YamlReader.Scalar(node)}\"");
        return null;
    }

    private List<NamespaceDefinition> ParseNamespaces(YamlNode node)
    {
        var result = new List<NamespaceDefinition>();
        foreach (var item in _reader.Items(node, "namespaces"))
        {
            var fields = _reader.Fields(item, "a namespace", "name", "labels");
            var name = _reader.RequiredStr(fields, "name", item, "a namespace");
            var labels = fields.TryGetValue("labels", out var l) ? _reader.Labels(l, "namespace labels") : new Dictionary<string, string>();
            if (name is not null)
            {
                var definition = new NamespaceDefinition(name, labels);
                Positions[definition] = item;
                result.Add(definition);
            }
        }

        return result;
    }

    /// <summary>Expands "{i}" in a name for the i-th copy of a definition with a count.</summary>
    private static string Expand(string template, int index, int count) =>
        count == 1 && !template.Contains("{i}", StringComparison.Ordinal)
            ? template
            : template.Replace("{i}", index.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    private int Count(Dictionary<string, YamlNode> fields, string template, YamlNode item)
    {
        if (!fields.TryGetValue("count", out var countNode))
        {
            return 1;
        }

        var count = _reader.Int(countNode, "count", min: 1) ?? 1;
        if (count > 1 && !template.Contains("{i}", StringComparison.Ordinal))
        {
            _reader.Error(item, $"name \"{template}\" must contain {{i}} when count is greater than 1");
        }

        return count;
    }
}
