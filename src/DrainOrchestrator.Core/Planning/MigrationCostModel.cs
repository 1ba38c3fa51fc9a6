using DrainOrchestrator.Core.Snapshot;

namespace DrainOrchestrator.Core.Planning;

/// <summary>
/// Predicts a pre-copy migration: the whole memory is sent, then what was dirtied meanwhile, round after round, each
/// round a fraction q = dirty rate / bandwidth of the previous; it converges when the remainder fits in the allowed
/// downtime. Past the completion budget it switches to post-copy when allowed, else it is aborted.
/// </summary>
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
    public static MigrationEstimate Estimate(
        long memoryBytes, long dirtyRate, long bandwidth, MigrationSettings settings, CostModelOptions options)
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
        if (memory <= threshold)
        {
            seconds = memory / rate;
            transferred = memory;
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
            var remaining = memory * Math.Min(1, q);
            var total = budget + (remaining / rate);
            return new MigrationEstimate(startup + TimeSpan.FromSeconds(total), MigrationMode.PostCopy, (long)rate,
                (long)Math.Min(budget * rate + remaining, long.MaxValue / 2));
        }

        return new MigrationEstimate(startup + TimeSpan.FromSeconds(budget), MigrationMode.WillNotComplete, (long)rate,
            (long)Math.Min(budget * rate, long.MaxValue / 2));
    }
}
