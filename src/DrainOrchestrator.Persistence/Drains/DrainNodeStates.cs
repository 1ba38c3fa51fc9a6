using DrainOrchestrator.Persistence.Database;

namespace DrainOrchestrator.Persistence.Drains;

/// <summary><see cref="DrainNodeState"/> as the database's CHECK constraint spells it (<c>drain_nodes.state</c>): the one mapping both ways.</summary>
public static class DrainNodeStates
{
    private static readonly DatabaseWords<DrainNodeState> Words = new(
        (DrainNodeState.Pending, "pending"),
        (DrainNodeState.Locked, "locked"),
        (DrainNodeState.Cordoned, "cordoned"),
        (DrainNodeState.Draining, "draining"),
        (DrainNodeState.Drained, "drained"),
        (DrainNodeState.Failed, "failed"),
        (DrainNodeState.Released, "released"));

    /// <summary>The state as stored, e.g. <c>cordoned</c>.</summary>
    public static string ToDatabase(this DrainNodeState state) => Words.Word(state);

    /// <summary>The state stored as <paramref name="word"/>; throws <see cref="FormatException"/> for any other word.</summary>
    public static DrainNodeState Parse(string word) => Words.Parse(word);

    internal sealed class WordConverter() : DatabaseWordJsonConverter<DrainNodeState>(Words);
}
