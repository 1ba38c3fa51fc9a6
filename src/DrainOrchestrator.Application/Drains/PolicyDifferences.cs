using System.Text.Json.Nodes;

namespace DrainOrchestrator.Application.Drains;

/// <summary>Which fields of two policy documents (PolicyDocument's JSON) differ, by their paths (e.g. <c>failure.maxAttempts</c>).</summary>
internal static class PolicyDifferences
{
    public static IReadOnlyList<string> Of(string storedJson, string askedJson)
    {
        var differ = new List<string>();
        Compare(JsonNode.Parse(storedJson), JsonNode.Parse(askedJson), string.Empty, differ);
        return differ;
    }

    private static void Compare(JsonNode? stored, JsonNode? asked, string path, List<string> differ)
    {
        if (stored is JsonObject a && asked is JsonObject b)
        {
            foreach (var name in a.Select(p => p.Key).Union(b.Select(p => p.Key), StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                Compare(a[name], b[name], path.Length == 0 ? name : path + "." + name, differ);
            }
        }
        else if (!JsonNode.DeepEquals(stored, asked))
        {
            differ.Add(path.Length == 0 ? "the policy" : path);
        }
    }
}
