using System.Text.Json;
using System.Text.Json.Nodes;
using DrainOrchestrator.Core.Policy;

namespace DrainOrchestrator.Engine.Policy;

/// <summary>
/// The drain policy as a JSON document: what the API accepts under <c>policy</c>, and what a drain stores in
/// <c>drains.policy</c> with its format version. Field names come from <see cref="PolicyFields"/>; absent fields take
/// Core's defaults (<see cref="DrainPolicy"/>).
/// </summary>
public static class PolicyDocument
{
    /// <summary>The version written into stored documents.</summary>
    public const int CurrentVersion = 1;

    /// <summary>The stored form: every field, with <c>version</c>.</summary>
    public static string Write(DrainPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var document = new JsonObject { ["version"] = CurrentVersion };
        foreach (var field in PolicyFields.All)
        {
            // A field left to learning is absent, so reading the document back leaves it unset.
            if (field.Get(policy) is { } value)
            {
                document[field.Wire] = value;
            }
        }

        return document.ToJsonString();
    }

    /// <summary>Reads a stored document (also the unversioned form of drains recorded before version 1).</summary>
    public static DrainPolicy Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Object && !root.TryGetProperty("version", out _) && root.EnumerateObject().Any())
        {
            return LegacyPolicy.Read(root);
        }

        var policy = Parse(root, out var problems);
        return problems.Count == 0 ? policy
            : throw new FormatException("The stored drain policy is unreadable: " + string.Join("; ", problems) + ".");
    }

    /// <summary>
    /// Reads a policy object as a user wrote it; <paramref name="problems"/> gets every problem at once: a value of the
    /// wrong kind, an unknown field, a version this build does not know. Ranges are checked later, against the cluster.
    /// </summary>
    public static DrainPolicy Parse(JsonElement element, out IReadOnlyList<PolicyProblem> problems)
    {
        var found = new List<PolicyProblem>();
        problems = found;
        var policy = new DrainPolicy();
        if (element.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            return policy;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            found.Add(new PolicyProblem(string.Empty, "must be a JSON object", element.GetRawText()));
            return policy;
        }

        var backoffSet = false;
        var maxBackoffSet = false;
        foreach (var property in element.EnumerateObject())
        {
            if (property.Name == "version")
            {
                if (!(property.Value.ValueKind == JsonValueKind.Number && property.Value.TryGetInt32(out var v) && v is >= 1 and <= CurrentVersion))
                {
                    found.Add(new PolicyProblem("version", $"must be 1 to {CurrentVersion}", property.Value.GetRawText()));
                }

                continue;
            }

            var field = PolicyFields.FindByWire(property.Name);
            if (field is null)
            {
                found.Add(new PolicyProblem(property.Name, "is not a policy field; the fields are "
                    + string.Join(", ", PolicyFields.All.Select(f => f.Wire)), null));
                continue;
            }

            var (applied, problem) = field.Apply(policy, property.Value);
            if (problem is not null)
            {
                found.Add(new PolicyProblem(field.Path, problem, null));
                continue;
            }

            policy = applied;
            backoffSet |= field.Wire == "retryBackoffSeconds";
            maxBackoffSet |= field.Wire == "maxBackoffSeconds";
        }

        // Without a stated longest wait, a first wait above the default one is also the longest.
        if (backoffSet && !maxBackoffSet && policy.Failure.MaxBackoff < policy.Failure.InitialBackoff)
        {
            policy = policy with { Failure = policy.Failure with { MaxBackoff = policy.Failure.InitialBackoff } };
        }

        return policy;
    }
}
