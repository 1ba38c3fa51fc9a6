using System.Text.Json.Nodes;

namespace DrainOrchestrator.Application.Workflows;

/// <summary>What a step run records about itself (nodes, the drain it ran, its deadline, who approved), as a JSON object.</summary>
internal sealed class StepDetail
{
    private readonly JsonObject _values = [];

    public StepDetail Add(string key, JsonNode? value)
    {
        _values[key] = value;
        return this;
    }

    public StepDetail Add(string key, string? value) => Add(key, value is null ? null : JsonValue.Create(value));

    public StepDetail Add(string key, IEnumerable<string> values) => Add(key, new JsonArray([.. values.Select(v => JsonValue.Create(v))]));

    public string ToJson() => _values.ToJsonString();

    /// <summary>The nodes a step run recorded (<c>nodes</c> of its detail); null when it recorded none.</summary>
    public static List<string>? Nodes(string detailJson) =>
        JsonNode.Parse(detailJson)?["nodes"] is JsonArray nodes ? [.. nodes.Select(n => n?.GetValue<string>()).OfType<string>()] : null;
}
