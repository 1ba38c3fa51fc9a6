using System.Globalization;
using System.Text.Json.Nodes;
using DrainOrchestrator.Simulator.Admin.Faults;
using DrainOrchestrator.Simulator.Admin.Partition;
using DrainOrchestrator.Simulator.Api.Errors;
using DrainOrchestrator.Simulator.Api.Http;

namespace DrainOrchestrator.Simulator.Admin;

/// <summary>
/// <c>/sim/v1/partition</c>: POST <c>{"duration":"90s"}</c> partitions the Kubernetes API from its clients for that
/// long (wall-clock time; see <see cref="ApiPartition"/>), DELETE heals it now, GET shows <c>{"until":…}</c> (null when
/// there is none). The admin API itself is never partitioned.
/// </summary>
internal static class PartitionEndpoint
{
    public static async Task HandleAsync(HttpContext http, ApiPartition partition, CancellationToken cancellationToken)
    {
        switch (http.Request.Method)
        {
            case "POST":
                var body = await RequestBody.ReadJsonAsync(http.Request, allowEmpty: false, cancellationToken) as JsonObject;
                var text = body?["duration"] is JsonValue value && value.TryGetValue<string>(out var s) ? s : null;
                if (!Durations.TryParse(text, out var duration) || duration <= TimeSpan.Zero)
                {
                    throw new ApiStatusException(ApiErrors.BadRequest(
                        $"expected {{\"duration\":\"90s\"}} with a positive duration such as 500ms, 90s or 2m, was {body?.ToJsonString() ?? "no object"}"));
                }

                partition.Start(duration);
                break;
            case "DELETE":
                partition.Heal();
                break;
        }

        var until = partition.Until?.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
        await ApiResponses.WriteJsonAsync(http.Response, 200, new JsonObject { ["until"] = until }, cancellationToken);
    }
}
