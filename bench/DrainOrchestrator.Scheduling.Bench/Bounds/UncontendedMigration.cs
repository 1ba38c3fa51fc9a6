namespace DrainOrchestrator.Scheduling.Bench.Bounds;

/// <summary>
/// One migration alone on an idle NIC, with the simulator's transfer physics in continuous form: the first pass sends
/// the memory M at rate R while the guest dirties D bytes/s of what was already sent, up to its working set W; then the
/// dirty pages drain at R - D until they fit in the allowed downtime (R × maxDowntime). Alone at full rate is the
/// fastest any migration can go and sends the fewest bytes: sharing lowers R, which only adds dirty pages.
/// </summary>
/// <param name="TransferSeconds">From the start of the transfer to switch-over.</param>
/// <param name="Bytes">Bytes sent during that time.</param>
/// <param name="Converges">False when the guest dirties at least as fast as the NIC carries (it never converges).</param>
internal readonly record struct UncontendedMigration(double TransferSeconds, double Bytes, bool Converges)
{
    /// <param name="memory">Guest memory M, bytes.</param>
    /// <param name="dirtyRate">Dirty rate D, bytes/s (0 with auto-converge, which can throttle the guest that far).</param>
    /// <param name="workingSet">Working set W, bytes.</param>
    /// <param name="rate">Transfer rate R: the smaller NIC of source and best target, capped by bandwidthPerMigration.</param>
    /// <param name="maxDowntimeSeconds">The allowed stop-and-copy time.</param>
    public static UncontendedMigration Of(double memory, double dirtyRate, double workingSet, double rate, double maxDowntimeSeconds)
    {
        var firstPass = memory / rate;
        var dirtyAtEnd = Math.Min(Math.Min(dirtyRate * firstPass, workingSet), memory);
        var threshold = rate * maxDowntimeSeconds;
        if (dirtyAtEnd <= threshold)
        {
            return new(firstPass, memory, true);
        }

        if (dirtyRate >= rate)
        {
            return new(double.PositiveInfinity, double.PositiveInfinity, false);
        }

        var seconds = firstPass + ((dirtyAtEnd - threshold) / (rate - dirtyRate));
        return new(seconds, rate * seconds, true);
    }
}
