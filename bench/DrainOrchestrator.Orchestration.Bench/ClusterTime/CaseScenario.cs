using System.Globalization;
using System.Text.RegularExpressions;

namespace DrainOrchestrator.Orchestration.Bench.ClusterTime;

/// <summary>
/// The scenario drain-sim serves for a <see cref="VirtualTimeCase"/>: the bench scenario's file as the scheduling bench
/// loads it for that case, i.e. the KubeVirt CR's two limits set to the case's, and <c>hints: true</c> when the case was
/// informed (the model then publishes the hint annotations the engine reads). Written beside the run's material.
/// </summary>
internal static partial class CaseScenario
{
    public static string Write(VirtualTimeCase @case, string scenariosDirectory, string directory)
    {
        var source = Path.Combine(scenariosDirectory, @case.File);
        var text = File.ReadAllText(source);
        text = SetLimit(text, PerClusterLine(), "parallelMigrationsPerCluster", @case.PerCluster, source);
        text = SetLimit(text, PerNodeLine(), "parallelOutboundMigrationsPerNode", @case.PerNode, source);
        text = HintsLine().IsMatch(text)
            ? HintsLine().Replace(text, "hints: " + (@case.Informed ? "true" : "false"))
            : text.TrimEnd('\n') + "\n" + (@case.Informed ? "hints: true\n" : "hints: false\n");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, Path.GetFileNameWithoutExtension(@case.File) + "." + @case.Limits + ".yaml");
        File.WriteAllText(path, text);
        return path;
    }

    private static string SetLimit(string text, Regex line, string field, int value, string source)
    {
        if (line.Count(text) != 1)
        {
            throw new InvalidOperationException(
                $"{source} must set kubevirt.migrations.{field} exactly once (the bench sets it to the case's limit): add it under kubevirt: migrations:");
        }

        return line.Replace(text, m => m.Groups["prefix"].Value + value.ToString(CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"(?<prefix>^\s+parallelMigrationsPerCluster:\s*)\d+", RegexOptions.Multiline)]
    private static partial Regex PerClusterLine();

    [GeneratedRegex(@"(?<prefix>^\s+parallelOutboundMigrationsPerNode:\s*)\d+", RegexOptions.Multiline)]
    private static partial Regex PerNodeLine();

    [GeneratedRegex(@"^hints:.*$", RegexOptions.Multiline)]
    private static partial Regex HintsLine();
}
