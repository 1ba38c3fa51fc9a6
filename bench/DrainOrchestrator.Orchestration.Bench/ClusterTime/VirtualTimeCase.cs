using System.Globalization;
using System.Text.Json.Nodes;

namespace DrainOrchestrator.Orchestration.Bench.ClusterTime;

/// <summary>
/// One case of the scheduling bench's <c>scheduling.json</c> (a scenario under a limit setting): what the drain over
/// HTTPS must repeat (the scenario file, its one batch of nodes, the limits, whether hint annotations were published)
/// and the virtual-time makespan it is compared with.
/// </summary>
/// <param name="Id">The scenario's id in <c>suite.yaml</c> (e.g. <c>b</c>).</param>
/// <param name="File">The scenario file, in <c>bench/scenarios</c>.</param>
/// <param name="Limits">The limit setting's name (<c>upstream</c>, <c>redhat</c>).</param>
/// <param name="PerCluster">KubeVirt's and the policy's migrations per cluster.</param>
/// <param name="PerNode">KubeVirt's and the policy's outbound migrations per node.</param>
/// <param name="Nodes">The nodes drained (the case's only batch).</param>
/// <param name="Informed">Whether the cluster carried the hint annotations (the scenario's <c>hints: true</c>).</param>
/// <param name="MakespanSeconds">The orchestrator's makespan in virtual time.</param>
/// <param name="LowerBoundSeconds">The case's lower bound.</param>
/// <param name="Source">The file it was read from.</param>
internal sealed record VirtualTimeCase(string Id, string File, string Limits, int PerCluster, int PerNode, IReadOnlyList<string> Nodes,
    bool Informed, double MakespanSeconds, double LowerBoundSeconds, string Source)
{
    /// <summary>Reads case <paramref name="id"/> under <paramref name="limits"/> from <paramref name="path"/>; every problem is named with its fix.</summary>
    public static VirtualTimeCase Read(string path, string id, string limits)
    {
        if (!System.IO.File.Exists(path))
        {
            throw new InvalidOperationException(
                $"{path} does not exist: run the scheduling bench first (scripts/bench.sh, or pass --virtual-time with its scheduling.json)");
        }

        var document = JsonNode.Parse(System.IO.File.ReadAllText(path))?.AsObject()
            ?? throw new InvalidOperationException($"{path} is not a JSON object: pass the scheduling bench's scheduling.json");
        var cases = document["cases"]?.AsArray() ?? [];
        var found = cases.Select(c => c!.AsObject()).FirstOrDefault(c =>
            (string?)c["scenario"] == id && (string?)c["limits"]?["name"] == limits);
        if (found is null)
        {
            var known = string.Join(", ", cases.Select(c => $"{(string?)c!["scenario"]}/{(string?)c["limits"]?["name"]}").Distinct());
            throw new InvalidOperationException(
                $"{path} has no case '{id}' under the limits '{limits}' (it has: {known}); run the scheduling bench on it, or pick one of those");
        }

        var batches = found["batches"]?.AsArray() ?? [];
        if (batches.Count != 1)
        {
            throw new InvalidOperationException(
                $"case '{id}' drains {batches.Count} batches; drainctl drain runs one batch: pick a scenario with a single batch");
        }

        var orchestrator = found["orchestrator"]?.AsObject()
            ?? throw new InvalidOperationException($"case '{id}' of {path} has no orchestrator result: run the scheduling bench again");
        if (orchestrator["complete"]?.GetValue<bool>() != true)
        {
            throw new InvalidOperationException($"case '{id}' did not complete in virtual time: there is no makespan to compare with");
        }

        var file = (string?)found["file"] ?? throw new InvalidOperationException($"case '{id}' of {path} names no scenario file");
        return new VirtualTimeCase(
            id,
            file,
            limits,
            found["limits"]!["perCluster"]!.GetValue<int>(),
            found["limits"]!["perNode"]!.GetValue<int>(),
            [.. batches[0]!.AsArray().Select(n => (string)n!)],
            document["informed"]?.GetValue<bool>() ?? true,
            orchestrator["makespanSeconds"]!.GetValue<double>(),
            found["lowerBound"]?["seconds"]?.GetValue<double>() ?? double.NaN,
            path);
    }

    /// <summary>The case as the reports name it.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"({Id}) {File}, {Limits} {PerCluster}/{PerNode}");
}
