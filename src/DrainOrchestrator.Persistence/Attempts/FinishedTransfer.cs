namespace DrainOrchestrator.Persistence.Attempts;

/// <summary>A live migration that succeeded, as a plan learns from it: who moved, from where, how long, and how.</summary>
/// <param name="VmiUid">The VMI moved.</param>
/// <param name="SourceNode">The node it left.</param>
/// <param name="StartedAt">When the transfer began (the cluster's timestamp).</param>
/// <param name="FinishedAt">When it ended (the cluster's timestamp).</param>
/// <param name="BytesProcessed">Bytes sent, when the attempt recorded them.</param>
/// <param name="PostCopy">It ended in post-copy (its mode, or it ran under the orchestrator's post-copy policy).</param>
public sealed record FinishedTransfer(
    string VmiUid, string SourceNode, DateTimeOffset StartedAt, DateTimeOffset FinishedAt, long? BytesProcessed, bool PostCopy)
{
    /// <summary>When its VMIM was created (the cluster's timestamp); null when not recorded.</summary>
    public DateTimeOffset? CreatedAt { get; init; }
}
