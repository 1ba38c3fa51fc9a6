using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using DrainOrchestrator.Simulator.Api.Errors;

namespace DrainOrchestrator.Simulator.Api.Store;

/// <summary>The opaque <c>continue</c> token of a paged list: the list's version and the last key served.</summary>
internal sealed record ContinueToken(long ResourceVersion, string StartAfter)
{
    public string Encode()
    {
        var json = new JsonObject { ["rv"] = ResourceVersion, ["start"] = StartAfter }.ToJsonString();
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    public static ContinueToken Decode(string token)
    {
        try
        {
            var base64 = token.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            var json = JsonNode.Parse(Convert.FromBase64String(base64))!.AsObject();
            return new ContinueToken(json["rv"]!.GetValue<long>(), json["start"]!.GetValue<string>());
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or NullReferenceException or System.Text.Json.JsonException)
        {
            throw new ApiStatusException(ApiErrors.BadRequest(string.Create(CultureInfo.InvariantCulture, $"invalid continue token: {e.Message}")));
        }
    }
}
