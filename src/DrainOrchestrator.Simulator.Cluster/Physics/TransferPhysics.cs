namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>The pre-copy / post-copy integration of one transfer over a time slice.</summary>
internal static class TransferPhysics
{
    /// <summary>Moves <paramref name="transfer"/> forward by <paramref name="seconds"/> at its current rate.</summary>
    /// <summary>
    /// Copies disk bytes first (nothing dirties them: the guest's writes are mirrored); returns the seconds of the slice
    /// left for the memory pre-copy.
    /// </summary>
    public static double CopyDisk(Transfer transfer, double seconds, DateTimeOffset end)
    {
        if (transfer.DiskRemaining <= 0)
        {
            return seconds;
        }

        if (transfer.Rate <= 0)
        {
            return 0;
        }

        var diskSeconds = Math.Min(seconds, transfer.DiskRemaining / transfer.Rate);
        var copied = Math.Min(transfer.DiskRemaining, transfer.Rate * diskSeconds);
        transfer.DiskRemaining -= copied;
        transfer.Processed += copied;
        transfer.Watermark = Math.Min(transfer.Watermark, transfer.Remaining);
        transfer.LastProgressAt = end;
        return transfer.DiskRemaining <= 0 ? seconds - diskSeconds : 0;
    }

    public static void Integrate(Transfer transfer, double dirtyRate, double seconds, DateTimeOffset end)
    {
        var budget = transfer.Rate * seconds;
        if (transfer.Mode == MigrationMode.PostCopy)
        {
            // The guest runs on the target: nothing is dirtied on the source, missing pages are pulled.
            var fromFirst = Math.Min(transfer.FirstPass, budget);
            transfer.FirstPass -= fromFirst;
            var fromDirty = Math.Min(transfer.Dirty, budget - fromFirst);
            transfer.Dirty -= fromDirty;
            transfer.Processed += fromFirst + fromDirty;
        }
        else
        {
            var sentFirst = Math.Min(transfer.FirstPass, budget);
            transfer.FirstPass -= sentFirst;
            var dirtied = transfer.Mode == MigrationMode.Paused ? 0 : dirtyRate * (1 - transfer.Throttle) * seconds;

            // Only pages already sent can be dirty again, and the guest keeps re-writing at most its working set.
            var ceiling = Math.Min(transfer.WorkingSetBytes, transfer.MemoryBytes - transfer.FirstPass);
            transfer.Dirty = Math.Min(transfer.Dirty + dirtied, ceiling);
            var sentDirty = Math.Min(transfer.Dirty, budget - sentFirst);
            transfer.Dirty -= sentDirty;
            transfer.Processed += sentFirst + sentDirty;
        }

        if (transfer.Remaining < transfer.Watermark)
        {
            transfer.Watermark = transfer.Remaining;
            transfer.LastProgressAt = end;
        }
    }

    /// <summary>Whether the remainder can be sent within the allowed downtime (the stop-and-copy).</summary>
    public static bool CanConverge(Transfer transfer) =>
        transfer.DiskRemaining <= 0
        && transfer.FirstPass <= 0
        && transfer.Rate > 0
        && transfer.Dirty <= transfer.Rate * transfer.Config.MaxDowntime.TotalSeconds;
}
