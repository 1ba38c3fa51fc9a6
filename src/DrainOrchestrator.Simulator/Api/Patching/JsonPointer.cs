using System.Globalization;
using System.Text.Json.Nodes;

namespace DrainOrchestrator.Simulator.Api.Patching;

/// <summary>A parsed JSON pointer (RFC 6901).</summary>
internal sealed record JsonPointer(IReadOnlyList<string> Tokens)
{
    public static JsonPointer Parse(string text)
    {
        if (text.Length == 0)
        {
            return new JsonPointer([]);
        }

        if (text[0] != '/')
        {
            throw new PatchException($"invalid JSON pointer \"{text}\": must start with '/'");
        }

        return new JsonPointer([.. text[1..].Split('/').Select(t => t.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal))]);
    }

    public string Last => Tokens[^1];

    public JsonNode? Resolve(JsonNode? root)
    {
        var node = root;
        foreach (var token in Tokens)
        {
            node = node switch
            {
                JsonObject obj when obj.TryGetPropertyValue(token, out var child) => child,
                JsonArray array when TryIndex(token, array.Count, out var index) => array[index],
                _ => throw new PatchException($"path \"/{string.Join('/', Tokens)}\" does not exist"),
            };
        }

        return node;
    }

    public JsonNode? Parent(JsonNode? root) => new JsonPointer(Tokens.Take(Tokens.Count - 1).ToList()).Resolve(root);

    public static bool TryIndex(string token, int count, out int index) =>
        int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out index) && index < count
        && (token == "0" || token[0] != '0');
}
