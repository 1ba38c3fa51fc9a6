using System.Globalization;
using System.Text.Json.Nodes;

namespace DrainOrchestrator.Bench.Harness.Analysis;

/// <summary>The parts of the simulator's ground truth the bench reads: every VMIM and the API request counts.</summary>
public sealed record GroundTruth(IReadOnlyList<TrueMigration> Migrations, long Requests, IReadOnlyList<RequestCount> RequestsByKind,
    int PeakInFlight, int LimitViolations, int VmiLosses)
{
    public static GroundTruth Parse(JsonObject document)
    {
        var migrations = document["migrations"]!.AsArray().Select(m => TrueMigration.Parse(m!.AsObject())).ToList();
        var requests = document["requests"]!.AsObject();
        var byKind = requests["requests"]!.AsArray().Select(r => new RequestCount(
            r!["verb"]!.GetValue<string>(),
            Resource(r["resource"]!.GetValue<string>(), r["subresource"]?.GetValue<string>()),
            r["count"]!.GetValue<long>())).OrderByDescending(r => r.Count).ThenBy(r => r.Resource, StringComparer.Ordinal).ToList();
        return new GroundTruth(migrations, requests["total"]!.GetValue<long>(), byKind,
            document["peakInFlight"]?.GetValue<int>() ?? 0,
            document["limitViolations"]?.AsArray().Count ?? 0,
            document["vmiLosses"]?.AsArray().Count ?? 0);
    }

    private static string Resource(string resource, string? subresource) =>
        string.IsNullOrEmpty(subresource) ? resource : resource + "/" + subresource;
}

/// <summary>API requests of one verb on one resource.</summary>
public sealed record RequestCount(string Verb, string Resource, long Count);

/// <summary>One VMIM as it really happened (model time).</summary>
public sealed record TrueMigration(string Namespace, string Name, string VmiName, string? SourceNode, string? TargetNode,
    DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt, string Phase, string Outcome)
{
    public static TrueMigration Parse(JsonObject m)
    {
        DateTimeOffset? finished = null;
        foreach (var transition in m["phaseTransitions"]?.AsArray() ?? [])
        {
            if (transition!["phase"]!.GetValue<string>() is "Succeeded" or "Failed")
            {
                finished = Time(transition["at"]!);
            }
        }

        return new TrueMigration(m["namespace"]!.GetValue<string>(), m["name"]!.GetValue<string>(), m["vmiName"]!.GetValue<string>(),
            m["sourceNode"]?.GetValue<string>(), m["targetNode"]?.GetValue<string>(), Time(m["createdAt"]!), finished,
            m["phase"]!.GetValue<string>(), m["outcome"]?.GetValue<string>() ?? "");
    }

    private static DateTimeOffset Time(JsonNode node) =>
        DateTimeOffset.Parse(node.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
