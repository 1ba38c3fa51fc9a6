using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DrainOrchestrator.Application.Rehearsals;

/// <summary>A copy of a scenario with KubeVirt's evacuation controller switched on (<c>kubevirt: {evacuationController: true}</c>).</summary>
internal static class EvacuationScenario
{
    /// <summary>Writes the copy of <paramref name="scenario"/> to <paramref name="copy"/>.</summary>
    public static async Task WriteAsync(string scenario, string copy, CancellationToken cancellationToken)
    {
        var yaml = new YamlStream();
        try
        {
            using var reader = new StringReader(await File.ReadAllTextAsync(scenario, cancellationToken));
            yaml.Load(reader);
        }
        catch (YamlException ex)
        {
            throw new RehearsalException($"the scenario {scenario} is not valid YAML ({ex.Start}): {ex.Message}. Write it again with drainctl snapshot.",
                isBadInput: true, isRetryable: false, ex);
        }

        if (yaml.Documents.Count != 1 || yaml.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new RehearsalException($"the scenario {scenario} must be one YAML mapping (a drain-sim scenario, as drainctl snapshot writes).",
                isBadInput: true, isRetryable: false);
        }

        if (!root.Children.TryGetValue(new YamlScalarNode("kubevirt"), out var node) || node is not YamlMappingNode kubevirt)
        {
            kubevirt = new YamlMappingNode();
            root.Children[new YamlScalarNode("kubevirt")] = kubevirt;
        }

        kubevirt.Children[new YamlScalarNode("evacuationController")] = new YamlScalarNode("true");
        await using var writer = new StreamWriter(copy);
        yaml.Save(writer, assignAnchors: false);
    }
}
