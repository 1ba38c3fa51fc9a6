namespace DrainOrchestrator.Core.Planning;

/// <summary>How a migration is predicted (or observed) to complete.</summary>
public enum MigrationMode
{
    /// <summary>Pre-copy converges within the completion budget.</summary>
    PreCopy,

    /// <summary>The budget runs out and the migration switches to post-copy.</summary>
    PostCopy,

    /// <summary>The budget runs out and the migration is aborted: it will not complete as configured.</summary>
    WillNotComplete,
}
