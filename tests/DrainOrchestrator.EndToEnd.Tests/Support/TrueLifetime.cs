namespace DrainOrchestrator.EndToEnd.Tests.Support;

/// <summary>When a VMIM really existed unfinished: from its creation to its final phase (null while unfinished), in the simulator's time.</summary>
internal sealed record TrueLifetime(string Name, DateTimeOffset CreatedAt, DateTimeOffset? EndedAt)
{
    public static IReadOnlyList<TrueLifetime> Of(GroundTruth truth) => [.. truth.Document["migrations"]!.AsArray().Select(m => new TrueLifetime(
        m!["name"]!.GetValue<string>(),
        m["createdAt"]!.GetValue<DateTimeOffset>(),
        m["phaseTransitions"]!.AsArray().Where(t => t!["phase"]!.GetValue<string>() is "Succeeded" or "Failed")
            .Select(t => (DateTimeOffset?)t!["at"]!.GetValue<DateTimeOffset>()).FirstOrDefault()))];

    /// <summary>Whether this VMIM was unfinished at <paramref name="at"/>.</summary>
    public bool InFlightAt(DateTimeOffset at) => CreatedAt <= at && (EndedAt is not { } ended || ended > at);
}
