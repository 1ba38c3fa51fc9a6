namespace DrainOrchestrator.Engine.Reports;

/// <summary>For a move-back's return migration: the returned drain's successful attempt that moved the VM away.</summary>
/// <param name="AttemptId">That attempt's id.</param>
/// <param name="VmimName">Its VMIM's name.</param>
/// <param name="Source">The node it moved the VM off (where the return goes).</param>
/// <param name="Target">The node it moved the VM to.</param>
public sealed record OutboundAttempt(long AttemptId, string VmimName, string Source, string? Target);
