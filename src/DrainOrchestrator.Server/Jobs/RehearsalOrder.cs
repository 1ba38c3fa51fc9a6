using System.Text.Json;
using DrainOrchestrator.Application.Drains;
using DrainOrchestrator.Application.Rehearsals;
using DrainOrchestrator.Engine.Policy;

namespace DrainOrchestrator.Server.Jobs;

/// <summary>
/// A rehearsal as the API accepted it, kept as the Hangfire job's one argument (JSON) until a worker runs it: the
/// scenario's text (a worker writes it to a file of its own), the nodes, the policy document as sent, and the settings.
/// </summary>
internal sealed record RehearsalOrder(
    string Scenario,
    IReadOnlyList<string> Nodes,
    JsonElement? Policy,
    double Speed,
    double? WindowMinutes,
    bool CompareKubeVirt,
    double KubeVirtTimeoutMinutes,
    string RequestedBy)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static RehearsalOrder FromJson(string json) =>
        JsonSerializer.Deserialize<RehearsalOrder>(json, Json) ?? throw new JsonException("a rehearsal order was null");

    /// <summary>
    /// What a view of the rehearsal shows of its order, read from the same JSON without materializing the scenario's
    /// text or the policy (the reader skips them): each GET of a rehearsal reads this, never the whole order.
    /// </summary>
    public static RehearsalOrderSummary SummaryFromJson(string json) =>
        JsonSerializer.Deserialize<RehearsalOrderSummary>(json, Json) ?? throw new JsonException("a rehearsal order was null");

    /// <summary>The application's request for a scenario file; the policy as the API parsed it when it accepted the order.</summary>
    public RehearsalRequest ToRequest(string scenarioFile) => new(scenarioFile,
        new DrainSpec(Nodes, Policy is { } p ? PolicyDocument.Parse(p, out _) : new()), Speed)
    {
        Window = WindowMinutes is { } minutes ? TimeSpan.FromMinutes(minutes) : null,
        CompareKubeVirt = CompareKubeVirt,
        KubeVirtTimeout = TimeSpan.FromMinutes(KubeVirtTimeoutMinutes),
    };
}

/// <summary>The fields of a <see cref="RehearsalOrder"/> that its view shows.</summary>
internal sealed record RehearsalOrderSummary(IReadOnlyList<string> Nodes, double Speed, bool CompareKubeVirt, string RequestedBy);
