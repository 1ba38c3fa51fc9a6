namespace DrainOrchestrator.Persistence.Audit;

/// <summary>One journal record as stored, with the columns its link covers (see <see cref="JournalRecordEncoding"/>).</summary>
/// <param name="Seq">Its journal sequence number.</param>
/// <param name="Position">Its place in its chain, from 1.</param>
/// <param name="Kind">Its kind.</param>
/// <param name="Actor">Who recorded it.</param>
/// <param name="LeaseEpoch">The writer's fencing epoch, if any.</param>
/// <param name="RecordedAt">When it was recorded (occurred_at, microsecond precision).</param>
/// <param name="PayloadJson">Its payload in PostgreSQL's jsonb text form.</param>
/// <param name="Hash">Its stored link (chain_hash), 32 bytes.</param>
public sealed record ChainRecord(long Seq, long Position, string Kind, string Actor, long? LeaseEpoch, DateTimeOffset RecordedAt,
    string PayloadJson, byte[] Hash);
