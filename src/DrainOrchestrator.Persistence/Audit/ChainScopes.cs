namespace DrainOrchestrator.Persistence.Audit;

/// <summary>The database words of <see cref="ChainScope"/> and the chain key of a journal row.</summary>
public static class ChainScopes
{
    /// <summary>The word stored in journal_heads.scope and journal_anchors.scope.</summary>
    public static string Word(ChainScope scope) => scope switch
    {
        ChainScope.Drain => "drain",
        ChainScope.Workflow => "workflow",
        ChainScope.None => "none",
        _ => throw new ArgumentOutOfRangeException(nameof(scope), scope, "Unknown chain scope."),
    };

    /// <summary>The scope a stored word names; throws for a word this version does not know.</summary>
    public static ChainScope Parse(string word) => word switch
    {
        "drain" => ChainScope.Drain,
        "workflow" => ChainScope.Workflow,
        "none" => ChainScope.None,
        _ => throw new FormatException($"Unknown chain scope '{word}': expected drain, workflow or none."),
    };
}
