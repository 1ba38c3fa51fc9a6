using System.Globalization;
using System.Text.Json;
using DrainOrchestrator.Application.Rehearsals;
using DrainOrchestrator.Application.Requests;
using DrainOrchestrator.Core.Policy;
using DrainOrchestrator.Engine.Policy;
using DrainOrchestrator.Server.Jobs;
using Microsoft.AspNetCore.Http;

namespace DrainOrchestrator.Server.Api;

/// <summary>
/// Reads a rehearsal request body, <c>{"scenario": "YAML", "nodes": [...], "policy": {...}, "speed": 50,
/// "windowMinutes": 240, "compareKubeVirt": true, "kubevirtTimeoutMinutes": 120}</c>, and reports every problem at once.
/// </summary>
internal static class RehearsalRequestReader
{
    private const double DefaultSpeed = 50;
    private const double DefaultKubeVirtTimeoutMinutes = 120;
    private const double MaxMinutes = 7 * 24 * 60;

    private static readonly string[] Fields = ["scenario", "nodes", "policy", "speed", "windowMinutes", "compareKubeVirt", "kubevirtTimeoutMinutes"];

    public static async Task<RehearsalOrder> ReadAsync(HttpRequest request, string requestedBy, CancellationToken cancellationToken)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, ApiJson.Documents, cancellationToken);
        }
        catch (JsonException ex)
        {
            throw new InvalidRequestException([new RequestProblem(string.Empty, ApiJson.BodyProblem(ex, "{\"scenario\": \"...\", \"nodes\": [...]}"))]);
        }

        using (document)
        {
            return Read(document.RootElement, requestedBy);
        }
    }

    private static RehearsalOrder Read(JsonElement root, string requestedBy)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidRequestException([new RequestProblem(string.Empty, $"the body must be a JSON object, was {root.ValueKind.ToString().ToLowerInvariant()}")]);
        }

        var problems = new List<RequestProblem>();
        string? scenario = null;
        var nodes = new List<string>();
        JsonElement? policyJson = null;
        var policy = new DrainPolicy();
        double speed = DefaultSpeed, timeout = DefaultKubeVirtTimeoutMinutes;
        double? window = null;
        var compare = false;
        foreach (var property in root.EnumerateObject())
        {
            var value = property.Value;
            switch (property.Name)
            {
                case "scenario":
                    scenario = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
                    break;
                case "nodes":
                    DrainRequestReader.ReadNodes(value, nodes, problems);
                    break;
                case "policy":
                    policy = PolicyDocument.Parse(value, out var policyProblems);
                    problems.AddRange(policyProblems.Select(p => FieldTerms.Render(p, policy, FrontDoor.Api)));
                    policyJson = value.Clone();
                    break;
                case "speed":
                    speed = Number(value, property.Name, problems) ?? speed;
                    break;
                case "windowMinutes":
                    window = value.ValueKind == JsonValueKind.Null ? null : Number(value, property.Name, problems);
                    break;
                case "compareKubeVirt" when value.ValueKind is JsonValueKind.True or JsonValueKind.False:
                    compare = value.GetBoolean();
                    break;
                case "compareKubeVirt":
                    problems.Add(new RequestProblem(property.Name, $"compareKubeVirt must be true or false, was {value.GetRawText()}"));
                    break;
                case "kubevirtTimeoutMinutes":
                    timeout = Number(value, property.Name, problems) ?? timeout;
                    break;
                default:
                    problems.Add(new RequestProblem(property.Name,
                        $"'{property.Name}' is not a field of a rehearsal request; the fields are {string.Join(", ", Fields)}"));
                    break;
            }
        }

        if (string.IsNullOrWhiteSpace(scenario))
        {
            problems.Add(new RequestProblem("scenario",
                "scenario is required: the text of a drain-sim scenario, as drainctl snapshot --out FILE writes it (send the file's content as a JSON string)"));
        }
        else if (ScenarioText.Problem(scenario) is { } scenarioProblem)
        {
            problems.Add(new RequestProblem("scenario", scenarioProblem));
        }

        if (!root.TryGetProperty("nodes", out _))
        {
            problems.Add(new RequestProblem("nodes", "nodes is required: the names of the snapshot's nodes to drain"));
        }

        if (timeout is not (> 0 and <= MaxMinutes))
        {
            problems.Add(new RequestProblem("kubevirtTimeoutMinutes",
                $"kubevirtTimeoutMinutes must be more than 0 and at most a week ({MaxMinutes.ToString(CultureInfo.InvariantCulture)}), was {timeout.ToString(CultureInfo.InvariantCulture)}"));
            timeout = DefaultKubeVirtTimeoutMinutes;
        }

        if (window is { } w && w > MaxMinutes)
        {
            problems.Add(new RequestProblem("windowMinutes", $"windowMinutes must be at most a week ({MaxMinutes.ToString(CultureInfo.InvariantCulture)}), was {w.ToString(CultureInfo.InvariantCulture)}"));
            window = null;
        }

        var order = new RehearsalOrder(scenario ?? string.Empty, nodes, policyJson, speed, window, compare, timeout, requestedBy);
        problems.AddRange(RehearsalApplication.SettingsProblems(order.ToRequest(string.Empty), FrontDoor.Api)
            .Where(p => !problems.Any(f => f.Field == p.Field)));
        return problems.Count > 0 ? throw new InvalidRequestException(problems) : order;
    }

    private static double? Number(JsonElement value, string field, List<RequestProblem> problems)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number))
        {
            return number;
        }

        problems.Add(new RequestProblem(field, $"{field} must be a number, was {value.GetRawText()}"));
        return null;
    }
}
