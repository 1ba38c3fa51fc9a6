using DrainOrchestrator.Persistence.Database;

namespace DrainOrchestrator.Persistence.Attempts;

/// <summary><see cref="AttemptKind"/> as the database's CHECK constraint spells it (<c>migration_attempts.kind</c>): the one mapping both ways.</summary>
public static class AttemptKinds
{
    private static readonly DatabaseWords<AttemptKind> Words = new(
        (AttemptKind.Migration, "migration"),
        (AttemptKind.Restart, "restart"));

    /// <summary>The kind as stored, e.g. <c>restart</c>.</summary>
    public static string ToDatabase(this AttemptKind kind) => Words.Word(kind);

    /// <summary>The kind stored as <paramref name="word"/>; throws <see cref="FormatException"/> for any other word.</summary>
    public static AttemptKind Parse(string word) => Words.Parse(word);

    internal sealed class WordConverter() : DatabaseWordJsonConverter<AttemptKind>(Words);
}
