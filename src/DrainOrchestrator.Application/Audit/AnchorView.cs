using DrainOrchestrator.Persistence.Audit;

namespace DrainOrchestrator.Application.Audit;

/// <summary>An anchor as exported: the record at <paramref name="Position"/> of the chain must keep this seq and link.</summary>
/// <param name="Scope">drain, workflow or none.</param>
/// <param name="Id">The drain's or the workflow instance's id.</param>
/// <param name="Seq">The anchored record's sequence number.</param>
/// <param name="Position">Its place in its chain, from 1.</param>
/// <param name="Hash">Its link, 64 lower-case hex digits.</param>
/// <param name="Reason">Why it was anchored, e.g. <c>wave 2 finished</c>.</param>
/// <param name="RecordedAt">When the anchored record was recorded (UTC).</param>
public sealed record AnchorView(string Scope, Guid Id, long Seq, long Position, string Hash, string Reason, DateTimeOffset RecordedAt)
{
    /// <summary>The view of a stored anchor.</summary>
    public static AnchorView Of(JournalAnchor anchor)
    {
        ArgumentNullException.ThrowIfNull(anchor);
        return new AnchorView(ChainScopes.Word(anchor.Chain.Scope), anchor.Chain.Id, anchor.Seq, anchor.Position,
            Convert.ToHexStringLower(anchor.Hash), anchor.Reason, anchor.RecordedAt);
    }
}
