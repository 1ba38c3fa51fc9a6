namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>
/// The pre-copy / post-copy integration of one transfer over a time slice. Within a slice the rate, the dirty rate and
/// the throttle are constant, and the slice is integrated exactly in the continuous model (the one the bench's lower
/// bound assumes): the first pass sends the memory at rate R while the guest dirties D bytes/s, at most its working set
/// and at most what has been sent; after the first pass the dirty pages drain at R − D (or, when D ≥ R, grow to the
/// working set and stay there). The result does not depend on how a span is cut into slices.
/// </summary>
internal static class TransferPhysics
{
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

    /// <summary>Moves the memory transfer of <paramref name="transfer"/> forward by <paramref name="seconds"/> at its current rate.</summary>
    public static void Integrate(Transfer transfer, double dirtyRate, double seconds, DateTimeOffset end)
    {
        if (transfer.Mode == MigrationMode.PostCopy)
        {
            // The guest runs on the target: nothing is dirtied on the source, missing pages are pulled.
            var budget = transfer.Rate * seconds;
            var fromFirst = Math.Min(transfer.FirstPass, budget);
            transfer.FirstPass -= fromFirst;
            var fromDirty = Math.Min(transfer.Dirty, budget - fromFirst);
            transfer.Dirty -= fromDirty;
            transfer.Processed += fromFirst + fromDirty;
        }
        else
        {
            var dirtying = transfer.Mode == MigrationMode.Paused || transfer.StopAndCopy ? 0 : dirtyRate * (1 - transfer.Throttle);
            var drainSeconds = SendFirstPass(transfer, dirtying, seconds);
            if (drainSeconds > 0)
            {
                DrainDirty(transfer, dirtying, drainSeconds);
            }
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

    /// <summary>
    /// The first pass, up to the moment it ends within the slice; returns the seconds of the slice left after it.
    /// While it runs the dirty pages grow at <paramref name="dirtying"/> under a ceiling (the working set, and the pages
    /// sent so far) that never falls, so they reach min(dirty + D·t, ceiling at t) exactly.
    /// </summary>
    private static double SendFirstPass(Transfer transfer, double dirtying, double seconds)
    {
        if (transfer.FirstPass <= 0)
        {
            return seconds;
        }

        var rate = transfer.Rate;
        var endsInSlice = rate > 0 && transfer.FirstPass <= rate * seconds;
        var passSeconds = endsInSlice ? transfer.FirstPass / rate : seconds;
        var sent = endsInSlice ? transfer.FirstPass : rate * passSeconds;
        transfer.FirstPass = endsInSlice ? 0 : transfer.FirstPass - sent;
        transfer.Processed += sent;
        var ceiling = Math.Min(transfer.WorkingSetBytes, transfer.MemoryBytes - transfer.FirstPass);
        transfer.Dirty = Math.Min(transfer.Dirty + (dirtying * passSeconds), ceiling);
        return endsInSlice ? seconds - passSeconds : 0;
    }

    /// <summary>
    /// After the first pass: the dirty pages change at D − R between 0 and the working set. Below R they drain at R − D
    /// and, once all are sent, each page written is sent again at once (D bytes/s); at or above R they grow to the
    /// working set and stay there while R bytes/s cross.
    /// </summary>
    private static void DrainDirty(Transfer transfer, double dirtying, double seconds)
    {
        var ceiling = Math.Min(transfer.WorkingSetBytes, transfer.MemoryBytes);
        if (ceiling <= 0)
        {
            transfer.Dirty = 0;
            return;
        }

        var rate = transfer.Rate;
        if (dirtying < rate)
        {
            var drain = rate - dirtying;
            var emptySeconds = transfer.Dirty / drain;
            if (emptySeconds >= seconds)
            {
                transfer.Dirty = Math.Max(0, transfer.Dirty - (drain * seconds));
                transfer.Processed += rate * seconds;
            }
            else
            {
                transfer.Dirty = 0;
                transfer.Processed += (rate * emptySeconds) + (dirtying * (seconds - emptySeconds));
            }
        }
        else
        {
            transfer.Dirty = Math.Min(ceiling, transfer.Dirty + ((dirtying - rate) * seconds));
            transfer.Processed += rate * seconds;
        }
    }
}
