namespace DrainOrchestrator.Persistence.Drains;

/// <summary>
/// The drain was not recorded because some of its nodes belong to active drains. Lists every conflict. Not
/// retryable until those drains finish or are cancelled.
/// </summary>
public sealed class NodesAlreadyDrainingException : Exception
{
    public NodesAlreadyDrainingException()
        : this([])
    {
    }

    public NodesAlreadyDrainingException(string message)
        : base(message) => Conflicts = [];

    public NodesAlreadyDrainingException(string message, Exception innerException)
        : base(message, innerException) => Conflicts = [];

    public NodesAlreadyDrainingException(IReadOnlyList<NodeConflict> conflicts, Exception? innerException = null)
        : base(Describe(conflicts), innerException) => Conflicts = conflicts;

    /// <summary>Every node in conflict and the drain that holds it.</summary>
    public IReadOnlyList<NodeConflict> Conflicts { get; }

    private static string Describe(IReadOnlyList<NodeConflict> conflicts) =>
        conflicts.Count == 0
            ? "Some nodes already belong to an active drain."
            : "Already in an active drain: " + string.Join("; ", conflicts.Select(c =>
                $"node '{c.NodeName}' belongs to drain '{c.DrainName}' ({c.DrainState.ToDatabase()})"))
              + ". Wait for those drains to finish, or cancel them with 'drainctl cancel DRAIN'.";
}
