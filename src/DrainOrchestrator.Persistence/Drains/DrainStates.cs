using DrainOrchestrator.Persistence.Database;

namespace DrainOrchestrator.Persistence.Drains;

/// <summary><see cref="DrainState"/> as the database's CHECK constraint spells it (<c>drains.state</c>): the one mapping both ways.</summary>
public static class DrainStates
{
    private static readonly DatabaseWords<DrainState> Words = new(
        (DrainState.Pending, "pending"),
        (DrainState.Running, "running"),
        (DrainState.Paused, "paused"),
        (DrainState.Suspended, "suspended"),
        (DrainState.Cancelling, "cancelling"),
        (DrainState.Succeeded, "succeeded"),
        (DrainState.Failed, "failed"),
        (DrainState.Cancelled, "cancelled"));

    /// <summary>The state as stored, e.g. <c>cancelling</c>.</summary>
    public static string ToDatabase(this DrainState state) => Words.Word(state);

    /// <summary>The state stored as <paramref name="word"/>; throws <see cref="FormatException"/> for any other word.</summary>
    public static DrainState Parse(string word) => Words.Parse(word);

    /// <summary>Whether a drain in this state is over (its nodes are released).</summary>
    public static bool IsFinal(this DrainState state) => state is DrainState.Succeeded or DrainState.Failed or DrainState.Cancelled;

    internal sealed class WordConverter() : DatabaseWordJsonConverter<DrainState>(Words);
}
