using System.Text.Json.Nodes;
using DrainOrchestrator.Simulator.Admin.Requests;

namespace DrainOrchestrator.Simulator.KubeVirt;

/// <summary>
/// The ground truth document served at <c>/sim/v1/ground-truth</c> and written on exit: the model's report (every
/// migration, peaks in flight, limit violations, lost guests, the bridge's diagnostics) and the API request counts.
/// </summary>
public static class GroundTruthDocument
{
    /// <summary>Builds the document; without a model only the request counts are there.</summary>
    public static JsonObject Build(ClusterModelHost? model, RequestCounters requests)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var document = model?.GroundTruth() ?? new JsonObject { ["scenario"] = null };
        document["requests"] = requests.ToJson();
        return document;
    }
}
