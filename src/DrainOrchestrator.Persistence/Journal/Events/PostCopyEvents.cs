namespace DrainOrchestrator.Persistence.Journal.Events;

/// <summary>Post-copy cannot be used for a VM: no policy of the orchestrator's would win for it.</summary>
/// <param name="Vmi">namespace/name.</param>
/// <param name="Problem">Why.</param>
[JournalEvent("postcopy.refused", 1)]
public sealed record PostCopyRefused(string Vmi, string? Problem) : JournalEvent;

/// <summary>The orchestrator is about to create its post-copy MigrationPolicy for a VM (journaled before the act).</summary>
/// <param name="Vmi">namespace/name.</param>
/// <param name="Policy">The MigrationPolicy's name.</param>
[JournalEvent("postcopy.policy.intended", 1)]
public sealed record PostCopyPolicyIntended(string Vmi, string Policy) : JournalEvent;

/// <summary>A VM's post-copy marker label and MigrationPolicy were removed.</summary>
/// <param name="Vmi">namespace/name.</param>
/// <param name="Policy">The MigrationPolicy's name.</param>
[JournalEvent("postcopy.policy.removed", 1)]
public sealed record PostCopyPolicyRemoved(string Vmi, string Policy) : JournalEvent;
