using System.Text.Json.Nodes;

namespace DrainOrchestrator.EndToEnd.Tests.Support;

/// <summary>
/// When one migration's memory moved, from the ground truth: from entering Running until it succeeded or failed (the
/// last phase seen when it ended otherwise).
/// </summary>
internal sealed record TrueTransfer(string VmiName, string? SourceNode, DateTimeOffset Start, DateTimeOffset End)
{
    /// <summary>The transfer of <paramref name="migration"/>, or null when it never reached Running.</summary>
    public static TrueTransfer? Of(JsonNode migration)
    {
        var transitions = migration["phaseTransitions"]?.AsArray() ?? [];
        var start = transitions.FirstOrDefault(t => t!["phase"]!.GetValue<string>() == "Running");
        if (start is null)
        {
            return null;
        }

        var end = transitions.FirstOrDefault(t => t!["phase"]!.GetValue<string>() is "Succeeded" or "Failed") ?? transitions[^1];
        return new TrueTransfer(migration["vmiName"]!.GetValue<string>(), migration["sourceNode"]?.GetValue<string>(),
            start["at"]!.GetValue<DateTimeOffset>(), end!["at"]!.GetValue<DateTimeOffset>());
    }

    /// <summary>Whether the two transfers ran at the same time for any moment.</summary>
    public bool Overlaps(TrueTransfer other) => Start < other.End && other.Start < End;

    /// <summary>The transfer with its times to the millisecond: an overlap is often a fraction of a second.</summary>
    public override string ToString() => $"{VmiName} from {SourceNode ?? "?"}, {Start:HH:mm:ss.fff} to {End:HH:mm:ss.fff}";
}
