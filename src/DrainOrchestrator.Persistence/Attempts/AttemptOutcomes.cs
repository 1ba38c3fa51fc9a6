using DrainOrchestrator.Persistence.Database;

namespace DrainOrchestrator.Persistence.Attempts;

/// <summary><see cref="AttemptOutcome"/> as the database's CHECK constraint spells it (<c>migration_attempts.outcome</c>): the one mapping both ways.</summary>
public static class AttemptOutcomes
{
    private static readonly DatabaseWords<AttemptOutcome> Words = new(
        (AttemptOutcome.Intended, "intended"),
        (AttemptOutcome.Created, "created"),
        (AttemptOutcome.Running, "running"),
        (AttemptOutcome.Succeeded, "succeeded"),
        (AttemptOutcome.Failed, "failed"),
        (AttemptOutcome.Aborted, "aborted"),
        (AttemptOutcome.NotCreated, "not_created"));

    /// <summary>The outcome as stored, e.g. <c>not_created</c>.</summary>
    public static string ToDatabase(this AttemptOutcome outcome) => Words.Word(outcome);

    /// <summary>The outcome stored as <paramref name="word"/>; throws <see cref="FormatException"/> for any other word.</summary>
    public static AttemptOutcome Parse(string word) => Words.Parse(word);

    /// <summary>Whether the attempt is over.</summary>
    public static bool IsFinal(this AttemptOutcome outcome) =>
        outcome is AttemptOutcome.Succeeded or AttemptOutcome.Failed or AttemptOutcome.Aborted or AttemptOutcome.NotCreated;

    internal sealed class WordConverter() : DatabaseWordJsonConverter<AttemptOutcome>(Words);
}
