using System.Text.Json;
using DrainOrchestrator.Application.Plans;
using DrainOrchestrator.Application.Requests;
using DrainOrchestrator.Application.Workflows;

namespace DrainOrchestrator.Server.Api;

/// <summary>
/// A plan request's <c>window</c>: <c>{"end": "2027-01-02T06:00:00Z"}</c> and/or <c>{"cron": "0 2 * * 6", "timeZone":
/// "Europe/Berlin", "durationSeconds": 14400}</c>. Problems of shape are collected; the application checks the values.
/// </summary>
internal static class WindowRequestReader
{
    private static readonly string[] Fields = ["end", "cron", "timeZone", "durationSeconds"];

    public static WindowRequest? Read(JsonElement value, List<RequestProblem> problems)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new RequestProblem("window", $"window must be an object with end, or cron, timeZone and durationSeconds; was {value.GetRawText()}"));
            return null;
        }

        DateTimeOffset? end = null;
        string? cron = null, zone = null;
        double? seconds = null;
        foreach (var property in value.EnumerateObject())
        {
            var v = property.Value;
            switch (property.Name)
            {
                case "end" when v.ValueKind == JsonValueKind.String:
                    end = Instants.Parse(v.GetString()!, "window.end", out var endProblem);
                    if (endProblem is not null)
                    {
                        problems.Add(new RequestProblem("window.end", endProblem));
                    }

                    break;
                case "cron" when v.ValueKind == JsonValueKind.String:
                    cron = v.GetString();
                    break;
                case "timeZone" when v.ValueKind == JsonValueKind.String:
                    zone = v.GetString();
                    break;
                case "durationSeconds" when v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out var d) && double.IsFinite(d) && d < TimeSpan.MaxValue.TotalSeconds / 2:
                    seconds = d;
                    break;
                case "end" or "cron" or "timeZone" or "durationSeconds":
                    problems.Add(new RequestProblem("window." + property.Name, property.Name == "end"
                        ? $"window.end must be an ISO 8601 instant such as 2027-01-02T06:00:00Z, was {v.GetRawText()}"
                        : property.Name == "durationSeconds" ? $"window.durationSeconds must be a number of seconds, was {v.GetRawText()}"
                        : $"window.{property.Name} must be a string, was {v.GetRawText()}"));
                    break;
                default:
                    problems.Add(new RequestProblem("window." + property.Name,
                        $"'{property.Name}' is not a field of a window; the fields are {string.Join(", ", Fields)}"));
                    break;
            }
        }

        if (cron is null && (zone is not null || seconds is not null))
        {
            problems.Add(new RequestProblem("window.cron", "window.cron is required with timeZone and durationSeconds"));
        }

        var schedule = cron is null ? null
            : new ScheduleQuery(cron, zone ?? string.Empty, TimeSpan.FromSeconds(seconds ?? 0), []) { DurationField = "durationSeconds" };
        return new WindowRequest(end, schedule);
    }
}
