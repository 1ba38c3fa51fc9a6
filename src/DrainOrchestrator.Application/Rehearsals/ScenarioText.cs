using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DrainOrchestrator.Application.Rehearsals;

/// <summary>
/// The first check of a rehearsal's scenario text, before anything starts: one YAML mapping, as drainctl snapshot
/// writes. What its fields mean is drain-sim's to judge when it loads it.
/// </summary>
public static class ScenarioText
{
    /// <summary>What is wrong with <paramref name="yaml"/> (with its line and column); null when it is one YAML mapping.</summary>
    public static string? Problem(string yaml)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var stream = new YamlStream();
        try
        {
            using var reader = new StringReader(yaml);
            stream.Load(reader);
        }
        catch (YamlException ex)
        {
            return $"the scenario is not valid YAML at line {ex.Start.Line}, column {ex.Start.Column}: {ex.Message}";
        }
        catch (InvalidOperationException ex)
        {
            // YamlDotNet's scanner fails so on some malformed text, without a position.
            return $"the scenario is not valid YAML: {ex.Message}";
        }

        return stream.Documents.Count == 1 && stream.Documents[0].RootNode is YamlMappingNode ? null
            : "the scenario must be one YAML mapping (a drain-sim scenario, as drainctl snapshot --out FILE writes it)";
    }
}
