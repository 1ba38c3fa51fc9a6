using System.Text.Json;
using DrainOrchestrator.Application;
using DrainOrchestrator.Application.Drains;
using DrainOrchestrator.Application.Requests;
using DrainOrchestrator.Core.Policy;
using DrainOrchestrator.Engine.Policy;
using Microsoft.AspNetCore.Http;

namespace DrainOrchestrator.Server.Api;

/// <summary>
/// Reads a drain request body and reports every problem at once: malformed JSON, unknown fields, values of the wrong
/// kind, and (through the application layer's own validation) out-of-range values and unknown or busy nodes.
/// </summary>
internal static class DrainRequestReader
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>The header with which drainctl --server asks for problems worded in its own options' terms.</summary>
    public const string TermsHeader = "X-Drain-Terms";

    private static readonly string[] Fields = ["nodes", "policy", "name", "avoidTargets", "preferTargets", "window"];

    /// <summary>Whose terms the problems are worded in: drainctl's options when it says so in <see cref="TermsHeader"/>, else the API's fields.</summary>
    public static FrontDoor Door(HttpRequest request) =>
        string.Equals(request.Headers[TermsHeader], "command-line", StringComparison.Ordinal) ? FrontDoor.CommandLine : FrontDoor.Api;

    /// <summary>
    /// The spec of the request; throws <see cref="InvalidRequestException"/> with every problem found. A window is a
    /// plan's field only (<paramref name="plan"/>): a drain started here runs until it ends, and would silently ignore one.
    /// </summary>
    public static async Task<DrainSpec> ReadAsync(HttpRequest request, DrainApplication application, bool plan, CancellationToken cancellationToken)
    {
        var problems = new List<RequestProblem>();
        var door = Door(request);
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, ApiJson.Documents, cancellationToken);
        }
        catch (JsonException ex)
        {
            throw new InvalidRequestException([new RequestProblem(string.Empty, ApiJson.BodyProblem(ex, "{\"nodes\": [...], \"policy\": {...}}"))]);
        }

        using (document)
        {
            var key = IdempotencyKey(request, problems);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidRequestException([new RequestProblem(string.Empty, $"the body must be a JSON object, was {root.ValueKind.ToString().ToLowerInvariant()}")]);
            }

            var nodes = new List<string>();
            var avoid = new List<string>();
            var prefer = new List<string>();
            var nodesBroken = false;
            var policy = new DrainPolicy();
            string? name = null;
            Application.Plans.WindowRequest? window = null;
            foreach (var property in root.EnumerateObject())
            {
                switch (property.Name)
                {
                    case "nodes":
                        nodesBroken = !ReadNodes(property.Value, nodes, problems);
                        break;
                    case "policy":
                        policy = PolicyDocument.Parse(property.Value, out var policyProblems);
                        problems.AddRange(policyProblems.Select(p => FieldTerms.Render(p, policy, door)));
                        break;
                    case "name":
                        name = ReadName(property.Value, problems);
                        break;
                    case "avoidTargets":
                        ReadNodes(property.Value, avoid, problems, property.Name);
                        break;
                    case "preferTargets":
                        ReadNodes(property.Value, prefer, problems, property.Name);
                        break;
                    case "window" when plan:
                        window = WindowRequestReader.Read(property.Value, problems);
                        break;
                    case "window":
                        problems.Add(new RequestProblem("window",
                            "window is a plan's field (POST /api/v1/plans fits the work in one); a drain runs until it ends: to drain inside "
                            + "maintenance windows, schedule a workflow (POST /api/v1/schedules), or run drainctl drain --window-end"));
                        break;
                    default:
                        problems.Add(new RequestProblem(property.Name,
                            $"'{property.Name}' is not a field of a {(plan ? "plan" : "drain")} request; the fields are {string.Join(", ", plan ? Fields : Fields[..^1])}"));
                        break;
                }
            }

            if (!root.TryGetProperty("nodes", out _))
            {
                problems.Add(new RequestProblem("nodes", "nodes is required: the names of the nodes to drain"));
                nodesBroken = true;
            }

            var spec = new DrainSpec(nodes, policy, name, key) { AvoidTargets = avoid, PreferTargets = prefer, Window = window };
            if (problems.Count > 0)
            {
                // Also what the application would find (ranges, unknown nodes), so the caller sees every problem at once.
                problems.AddRange(await SemanticProblemsAsync(application, spec, door, nodesBroken, problems, cancellationToken));
                throw new InvalidRequestException(problems);
            }

            return spec;
        }
    }

    private static async Task<IEnumerable<RequestProblem>> SemanticProblemsAsync(DrainApplication application, DrainSpec spec, FrontDoor door, bool nodesBroken,
        List<RequestProblem> found, CancellationToken cancellationToken)
    {
        try
        {
            await application.PlanAsync(spec, door, cancellationToken);
            return [];
        }
        catch (InvalidRequestException ex)
        {
            return ex.Problems.Where(p => !(nodesBroken && p.Field.StartsWith("nodes", StringComparison.Ordinal))
                && !found.Any(f => f.Field == p.Field));
        }
    }

    internal static bool ReadNodes(JsonElement value, List<string> nodes, List<RequestProblem> problems, string field = "nodes")
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            problems.Add(new RequestProblem(field, $"{field} must be an array of node names, was {value.GetRawText()}"));
            return false;
        }

        var ok = true;
        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(item.GetString()))
            {
                nodes.Add(item.GetString()!);
            }
            else
            {
                problems.Add(new RequestProblem($"{field}[{i}]", $"{field}[{i}] must be a node name, was {item.GetRawText()}"));
                ok = false;
            }

            i++;
        }

        return ok;
    }

    private static string? ReadName(JsonElement value, List<RequestProblem> problems)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var name = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        if (name is null)
        {
            problems.Add(new RequestProblem("name", $"name must be a string of 1 to {ResourceName.MaxLength} printable characters, was {value.GetRawText()}"));
            return null;
        }

        if (ResourceName.Problem(name, "name") is { } problem)
        {
            problems.Add(new RequestProblem("name", problem));
            return null;
        }

        return name;
    }

    private static string? IdempotencyKey(HttpRequest request, List<RequestProblem> problems)
    {
        string? key = request.Headers[IdempotencyKeyHeader];
        if (key is null)
        {
            return null;
        }

        if (key.Length is 0 or > 200 || key.Any(char.IsControl))
        {
            problems.Add(new RequestProblem(IdempotencyKeyHeader, $"the {IdempotencyKeyHeader} header must be 1 to 200 printable characters"));
            return null;
        }

        return key;
    }
}
