using System.Text.Json.Nodes;

namespace DrainOrchestrator.Application.Workflows;

/// <summary>How a drain (or move-back) a step ran ended, as the step's detail records it and its failure says it.</summary>
/// <param name="Id">The drain's id.</param>
/// <param name="Name">Its name.</param>
/// <param name="State">Its recorded end (succeeded, failed, cancelled).</param>
/// <param name="Reason">Why it ended so.</param>
internal sealed record StepDrainOutcome(Guid Id, string Name, string State, string? Reason)
{
    /// <summary>The detail's object: id, name, state, reason.</summary>
    public JsonObject ToJson() => new() { ["id"] = Id.ToString("D"), ["name"] = Name, ["state"] = State, ["reason"] = Reason };

    /// <summary>The step's failure, naming <paramref name="what"/> ("drain", "move-back"); null when it succeeded.</summary>
    public string? Failure(string what) => State == "succeeded" ? null : $"{what} {Name} ended {State}: {Reason}";
}
