using System.Text.Json.Nodes;
using DrainOrchestrator.Simulator.Api.Errors;

namespace DrainOrchestrator.Simulator.Security.Reviews;

/// <summary>Checks shared by the bodies of TokenRequests and self reviews.</summary>
internal static class ReviewBodies
{
    /// <summary>A body naming another apiVersion or kind is a 400, as for any object.</summary>
    public static void CheckKind(JsonObject body, string apiVersion, string kind)
    {
        var givenVersion = Text(body, "apiVersion");
        var givenKind = Text(body, "kind");
        if ((givenVersion.Length > 0 && givenVersion != apiVersion) || (givenKind.Length > 0 && givenKind != kind))
        {
            throw new ApiStatusException(ApiErrors.BadRequest(
                $"the API version in the data ({givenVersion}) and kind ({givenKind}) do not match the expected {apiVersion} {kind}"));
        }
    }

    /// <summary>A string field, or empty.</summary>
    public static string Text(JsonObject? obj, string field) =>
        obj?[field] is JsonValue value && value.TryGetValue<string>(out var text) ? text : "";
}
