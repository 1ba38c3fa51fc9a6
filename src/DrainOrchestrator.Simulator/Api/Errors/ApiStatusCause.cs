using System.Text.Json.Nodes;

namespace DrainOrchestrator.Simulator.Api.Errors;

/// <summary>One field-level cause of an <c>Invalid</c> status.</summary>
/// <param name="Reason">The cause type, e.g. <c>FieldValueRequired</c>, <c>FieldValueInvalid</c>.</param>
/// <param name="Message">What is wrong.</param>
/// <param name="Field">The JSON path of the field, e.g. <c>spec.vmiName</c>.</param>
public sealed record ApiStatusCause(string Reason, string Message, string Field)
{
    /// <summary>Builds the cause as Kubernetes serialises it.</summary>
    public JsonObject ToJson() => new()
    {
        ["reason"] = Reason,
        ["message"] = Message,
        ["field"] = Field,
    };
}
