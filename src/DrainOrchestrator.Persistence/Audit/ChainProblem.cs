namespace DrainOrchestrator.Persistence.Audit;

/// <summary>What the verifier found wrong with a chain, at its first bad record.</summary>
public enum ChainProblem
{
    /// <summary>The record's content no longer matches its link: it was changed after it was written.</summary>
    Altered,

    /// <summary>One or more records are missing (in the middle, or at the end behind the head or an anchor).</summary>
    Deleted,

    /// <summary>A record that the chain never linked sits among its records.</summary>
    Inserted,

    /// <summary>Records are out of their chain's order (sequence numbers changed).</summary>
    Reordered,

    /// <summary>The head (journal_heads) does not name the chain's last record.</summary>
    HeadMismatch,

    /// <summary>An anchor (stored or exported) does not match the record at its position: the chain was rewritten.</summary>
    AnchorMismatch,
}
