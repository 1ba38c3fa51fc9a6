namespace DrainOrchestrator.Persistence.Audit;

/// <summary>
/// Recomputes a chain's links in journal order and names its first bad record: altered (its content does not match its
/// link), inserted (the chain continues past it without it), reordered (its position comes later), deleted (a position
/// never comes, or the head or an anchor names a record past the end), or a head or anchor that does not match. Reads
/// the records once, as a stream, keeping one record of look-ahead.
/// </summary>
public static class ChainVerifier
{
    /// <summary>Verifies <paramref name="records"/> (the chain's records in seq order) against its head and anchors.</summary>
    public static async Task<ChainVerdict> VerifyAsync(ChainKey chain, IAsyncEnumerable<ChainRecord> records, ChainHead? head,
        IReadOnlyCollection<JournalAnchor> anchors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(anchors);
        var anchored = anchors.GroupBy(a => a.Position).ToDictionary(g => g.Key, g => g.ToList());
        var previous = JournalRecordEncoding.Genesis.ToArray();
        ChainRecord? last = null;
        var expected = 1L;
        await using var reader = records.GetAsyncEnumerator(cancellationToken);
        var current = await NextAsync(reader);
        while (current is not null)
        {
            var next = await NextAsync(reader);
            var link = JournalRecordEncoding.Link(previous, chain, current);
            if (current.Position != expected || !link.AsSpan().SequenceEqual(current.Hash))
            {
                var finding = await ExplainAsync(chain, current, next, reader, previous, link, expected, last);
                return new ChainVerdict(chain, expected - 1, anchors.Count, finding);
            }

            if (anchored.TryGetValue(current.Position, out var atPosition)
                && atPosition.FirstOrDefault(a => a.Seq != current.Seq || !a.Hash.AsSpan().SequenceEqual(current.Hash)) is { } broken)
            {
                return new ChainVerdict(chain, expected, anchors.Count, new ChainFinding(chain, ChainProblem.AnchorMismatch,
                    current.Seq, current.Position, current.Kind,
                    $"seq {broken.Seq} with link {Hex(broken.Hash)} (anchor '{broken.Reason}')",
                    $"seq {current.Seq} with link {Hex(current.Hash)}: the chain was rewritten up to here"));
            }

            previous = current.Hash;
            last = current;
            expected++;
            current = next;
        }

        return new ChainVerdict(chain, expected - 1, anchors.Count, CheckEnd(chain, last, head, anchors));
    }

    private static async Task<ChainFinding> ExplainAsync(ChainKey chain, ChainRecord current, ChainRecord? next,
        IAsyncEnumerator<ChainRecord> reader, byte[] previous, byte[] link, long expected, ChainRecord? last)
    {
        var after = last is null ? "the chain's start" : $"seq {last.Seq}";
        if (next is not null && next.Position == expected
            && JournalRecordEncoding.Link(previous, chain, next).AsSpan().SequenceEqual(next.Hash))
        {
            return new ChainFinding(chain, ChainProblem.Inserted, current.Seq, current.Position, current.Kind,
                $"position {expected} linked to {after}",
                $"a record the chain does not link (stored position {current.Position}); the next one, seq {next.Seq}, continues the chain without it");
        }

        if (current.Position == expected)
        {
            return new ChainFinding(chain, ChainProblem.Altered, current.Seq, current.Position, current.Kind,
                $"link {Hex(link)} (recomputed from its content and {after})", $"link {Hex(current.Hash)}: the record was changed after it was written");
        }

        if (current.Position < expected)
        {
            return new ChainFinding(chain, ChainProblem.Inserted, current.Seq, current.Position, current.Kind,
                $"position {expected} after {after}", $"position {current.Position} again: a record was inserted (or a sequence number changed)");
        }

        for (var later = next; later is not null; later = await NextAsync(reader))
        {
            if (later.Position == expected)
            {
                return new ChainFinding(chain, ChainProblem.Reordered, current.Seq, current.Position, current.Kind,
                    $"position {expected} after {after}", $"position {current.Position}; position {expected} comes later, at seq {later.Seq}");
            }
        }

        var missing = current.Position - 1 == expected ? $"position {expected} is" : $"positions {expected} to {current.Position - 1} are";
        return new ChainFinding(chain, ChainProblem.Deleted, current.Seq, current.Position, current.Kind,
            $"position {expected} after {after}", $"position {current.Position}: {missing} missing (deleted)");
    }

    private static ChainFinding? CheckEnd(ChainKey chain, ChainRecord? last, ChainHead? head, IReadOnlyCollection<JournalAnchor> anchors)
    {
        var length = last?.Position ?? 0;
        var ends = last is null ? "the chain has no record" : $"the chain ends at position {length} (seq {last.Seq})";
        if (anchors.Where(a => a.Position > length).MinBy(a => a.Position) is { } beyond)
        {
            return new ChainFinding(chain, ChainProblem.Deleted, last?.Seq, last?.Position, last?.Kind,
                $"position {beyond.Position} (seq {beyond.Seq}), named by anchor '{beyond.Reason}'", ends + ": the records after it were deleted");
        }

        if (head is null)
        {
            return last is null ? null : new ChainFinding(chain, ChainProblem.HeadMismatch, last.Seq, last.Position, last.Kind,
                $"a head naming seq {last.Seq} at position {length}", "no head: it was deleted");
        }

        if (head.Position > length)
        {
            return new ChainFinding(chain, ChainProblem.Deleted, last?.Seq, last?.Position, last?.Kind,
                $"position {head.Position} (seq {head.Seq}), named by the head", ends + ": the records after it were deleted");
        }

        return head.Position == length && head.Seq == last!.Seq && head.Hash.AsSpan().SequenceEqual(last.Hash)
            ? null
            : new ChainFinding(chain, ChainProblem.HeadMismatch, last!.Seq, last.Position, last.Kind,
                $"a head naming seq {last.Seq} at position {length} with link {Hex(last.Hash)}",
                $"a head naming seq {head.Seq} at position {head.Position} with link {Hex(head.Hash)}");
    }

    private static async Task<ChainRecord?> NextAsync(IAsyncEnumerator<ChainRecord> reader) =>
        await reader.MoveNextAsync() ? reader.Current : null;

    private static string Hex(byte[] hash) => Convert.ToHexStringLower(hash);
}
