using DrainOrchestrator.Core.Snapshot;

namespace DrainOrchestrator.Core.Planning;

/// <summary>
/// Predicts a pre-copy migration: the whole memory is sent, then what was dirtied meanwhile, round after round, each
/// round a fraction q = dirty rate / bandwidth of the previous; it converges when the remainder fits in the allowed
/// downtime. Past the completion budget it switches to post-copy when allowed, else it is aborted.
/// </summary>
/// <remarks>
/// The working-set term: a guest re-writes at most its working set W, so once the first pass is over at most
/// min(W, q·M) is dirty, however long that pass took. From there the dirty remainder shrinks at the bandwidth minus the
/// dirty rate until it fits in the downtime; a guest whose working set fits in the downtime converges after the first
/// pass whatever its dirty rate. Without a known working set (or when it does not bind, W ≥ q·M) the rounds above.
/// </remarks>
public static class MigrationCostModel
{
    /// <summary>Bandwidth a migration gets: its share of the NIC, capped by <c>bandwidthPerMigration</c>.</summary>
    /// <param name="nicBandwidth">The source NIC's bandwidth (null: the assumed one).</param>
    /// <param name="sharedBy">How many migrations share that NIC (at least 1).</param>
    /// <param name="settings">The VMI's effective options.</param>
    /// <param name="options">Model assumptions.</param>
    public static long EffectiveBandwidth(long? nicBandwidth, int sharedBy, MigrationSettings settings, CostModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(options);
        var share = (nicBandwidth ?? options.AssumedNicBandwidthBytesPerSecond) / Math.Max(1, sharedBy);
        var cap = settings.BandwidthPerMigrationBytesPerSecond;
        return Math.Max(1, cap > 0 ? Math.Min(share, cap) : share);
    }

    /// <summary>Predicts one migration of <paramref name="memoryBytes"/> at <paramref name="bandwidth"/> bytes/s.</summary>
    /// <param name="memoryBytes">The guest's memory.</param>
    /// <param name="dirtyRate">The guest's dirty rate, bytes/s.</param>
    /// <param name="bandwidth">The bandwidth the migration gets, bytes/s.</param>
    /// <param name="settings">The VMI's effective options.</param>
    /// <param name="options">Model assumptions.</param>
    /// <param name="workingSetBytes">The memory the guest keeps re-writing; null when unknown.</param>
    public static MigrationEstimate Estimate(
        long memoryBytes, long dirtyRate, long bandwidth, MigrationSettings settings, CostModelOptions options,
        long? workingSetBytes = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(options);
        double memory = Math.Max(0, memoryBytes);
        double rate = Math.Max(1, bandwidth);
        double dirty = Math.Max(0, dirtyRate);
        if (settings.AllowAutoConverge)
        {
            dirty = Math.Min(dirty, rate * options.AutoConvergeDirtyFraction);
        }

        var budget = settings.CompletionBudget(memoryBytes).TotalSeconds;
        var threshold = rate * settings.MaxDowntime.TotalSeconds;
        var q = dirty / rate;
        double seconds;
        double transferred;
        var bound = workingSetBytes is { } w && w >= 0 && w < q * memory ? Math.Min(w, memory) : (double?)null;
        if (memory <= threshold)
        {
            seconds = memory / rate;
            transferred = memory;
        }
        else if (bound is { } dirtyAfterFirstPass)
        {
            // The first pass, then the working set drained at (bandwidth - dirty rate) down to what fits in the downtime.
            var drained = dirtyAfterFirstPass <= threshold ? 0 : q >= 1 ? double.PositiveInfinity : (dirtyAfterFirstPass - threshold) / (rate - dirty);
            transferred = memory + (rate * drained) + Math.Min(dirtyAfterFirstPass, threshold);
            seconds = transferred / rate;
        }
        else if (q >= 1)
        {
            seconds = double.PositiveInfinity;
            transferred = double.PositiveInfinity;
        }
        else
        {
            // Rounds until the remainder M*q^k fits in the downtime; the series sums to the total sent.
            var rounds = Math.Ceiling(Math.Log(threshold / memory) / Math.Log(q));
            transferred = memory * (1 - Math.Pow(q, rounds + 1)) / (1 - q);
            seconds = transferred / rate;
        }

        var startup = options.TargetStartup;
        if (seconds <= budget)
        {
            return new MigrationEstimate(startup + TimeSpan.FromSeconds(seconds), MigrationMode.PreCopy, (long)rate, (long)transferred);
        }

        if (settings.PostCopyEffective)
        {
            // After the switch the target pulls what the source still holds: at most the whole memory.
            var remaining = Math.Min(memory * Math.Min(1, q), bound ?? double.PositiveInfinity);
            var total = budget + (remaining / rate);
            return new MigrationEstimate(startup + TimeSpan.FromSeconds(total), MigrationMode.PostCopy, (long)rate,
                (long)Math.Min(budget * rate + remaining, long.MaxValue / 2));
        }

        return new MigrationEstimate(startup + TimeSpan.FromSeconds(budget), MigrationMode.WillNotComplete, (long)rate,
            (long)Math.Min(budget * rate, long.MaxValue / 2));
    }
}
