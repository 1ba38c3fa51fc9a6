using System.Text.Json.Nodes;

namespace DrainOrchestrator.Kubernetes.Tests.TestSupport;

/// <summary>Compares JSON documents by meaning: member order and explicit nulls (the same as absent) do not matter.</summary>
internal static class JsonAssert
{
    public static void Equivalent(string expected, string actual)
    {
        var left = Normalize(JsonNode.Parse(expected));
        var right = Normalize(JsonNode.Parse(actual));
        if (!JsonNode.DeepEquals(left, right))
        {
            Assert.Fail($"JSON differs.\nExpected: {left?.ToJsonString()}\nActual:   {right?.ToJsonString()}");
        }
    }

    private static JsonNode? Normalize(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                var result = new JsonObject();
                foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    if (value is not null)
                    {
                        result[key] = Normalize(value);
                    }
                }

                return result;
            case JsonArray array:
                return new JsonArray(array.Select(Normalize).ToArray());
            default:
                return node?.DeepClone();
        }
    }
}
