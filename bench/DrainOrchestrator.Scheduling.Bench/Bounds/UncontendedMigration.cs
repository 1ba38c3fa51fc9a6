namespace DrainOrchestrator.Scheduling.Bench.Bounds;

/// <summary>
/// One migration alone on an idle NIC, with the simulator's transfer physics in continuous form: the first pass sends
/// the memory M at rate R while the guest dirties D bytes/s of what was already sent, up to its working set W; then the
/// dirty pages drain at R - D until they fit in the allowed downtime (R × maxDowntime); the guest then pauses while the
/// rest crosses (the stop-and-copy: X / R for a remainder X). Alone at full rate is the fastest any migration can go and
/// sends the fewest bytes: sharing lowers R, which only adds dirty pages.
/// </summary>
/// <remarks>
/// The stop-and-copy at a lower rate r (shared) still takes at least X / R: a remainder X' ≥ X (more pages dirtied over
/// the longer first pass) either fits in r × maxDowntime and crosses in X' / r, or drains there first and the copy
/// lasts the whole downtime, at least X / R since X ≤ R × maxDowntime. It sends at least X more bytes: every byte of X'
/// above what fits is sent during the drain. After a drain at R, the bytes sent after the first pass,
/// r (X' − D·maxDowntime) / (r − D), fall as r rises, so the full rate sends the fewest.
/// </remarks>
/// <param name="TransferSeconds">From the start of the transfer to completion (the end of the stop-and-copy; for post-copy, of the pull).</param>
/// <param name="Bytes">Bytes sent during that time (for post-copy, the fewest any rate can send: see <see cref="PostCopyMinimum"/>).</param>
/// <param name="Converges">False when the guest cannot be moved in any way the bound admits (it is left out).</param>
internal readonly record struct UncontendedMigration(double TransferSeconds, double Bytes, bool Converges)
{
    /// <summary>
    /// The guest cannot converge in pre-copy even alone; the figures are the shortest post-copy (or paused) completion
    /// (<see cref="PostCopyMinimum"/>).
    /// </summary>
    public bool ViaPostCopy { get; init; }

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
            // Converged after the first pass: the stop-and-copy sends what is dirty.
            return new(firstPass + (dirtyAtEnd / rate), memory + dirtyAtEnd, true);
        }

        if (dirtyRate >= rate)
        {
            return new(double.PositiveInfinity, double.PositiveInfinity, false);
        }

        // The drain down to what fits in the downtime, then the stop-and-copy of that much (the downtime).
        var seconds = firstPass + ((dirtyAtEnd - threshold) / (rate - dirtyRate)) + maxDowntimeSeconds;
        return new(seconds, rate * seconds, true);
    }

    /// <summary>
    /// The shortest completion of a guest that cannot converge in pre-copy (D ≥ R): KubeVirt switches it to post-copy
    /// (or pauses it) only when its completion budget runs out, <paramref name="earliestSwitchSeconds"/> τ after the
    /// transfer began at the earliest. Until then it is in pre-copy: the first pass sends R·τ of M (for τ below M/R)
    /// while the pages already sent are dirtied again, min(D·τ, W, R·τ) of them. After the switch every page not yet
    /// on the target must cross the NIC: what is left of the first pass and the dirty pages X (less what a pause's
    /// stop-and-copy sends in its downtime), X = max(0, min(D·τ, W, R·τ, M) − R·downtime), at rate R at most. So the
    /// transfer lasts at least max(τ, M/R) + X/R: when τ ≥ M/R the first pass is over before the switch, which cannot
    /// come sooner (the guest never converges in pre-copy), and X pages are still dirty then (D ≥ R keeps them at
    /// their ceiling); when τ &lt; M/R the rest of the first pass and X cross after it, (M − R·τ + X)/R. A slower first
    /// pass (a shared NIC, rate r &lt; R) dirties fewer pages (r·τ) but leaves as much more of the first pass, so the
    /// time bound holds at any rate. The bytes do not: a slow first pass can dirty almost nothing before the switch,
    /// so the NIC is charged only M, the first pass that every mode sends.
    /// </summary>
    /// <param name="memory">Guest memory M, bytes.</param>
    /// <param name="dirtyRate">Dirty rate D, bytes/s.</param>
    /// <param name="workingSet">Working set W, bytes.</param>
    /// <param name="rate">Transfer rate R, as for <see cref="Of"/>.</param>
    /// <param name="maxDowntimeSeconds">The allowed stop-and-copy time.</param>
    /// <param name="earliestSwitchSeconds">The shortest completion budget any MigrationPolicy can give the guest.</param>
    public static UncontendedMigration PostCopyMinimum(
        double memory, double dirtyRate, double workingSet, double rate, double maxDowntimeSeconds, double earliestSwitchSeconds)
    {
        var tau = Math.Max(0, earliestSwitchSeconds);
        var dirtyAtSwitch = Math.Min(Math.Min(dirtyRate * tau, workingSet), Math.Min(rate * tau, memory));
        var dirtyPulled = Math.Max(0, dirtyAtSwitch - (rate * maxDowntimeSeconds));
        return new(Math.Max(tau, memory / rate) + (dirtyPulled / rate), memory, true) { ViaPostCopy = true };
    }

    /// <summary>
    /// The earliest switch to post-copy: KubeVirt's budget is completionTimeoutPerGiB × the started decimal GB of
    /// memory (and disk), counted from the transfer's start. completionTimeoutPerGiB is a whole number of seconds, at
    /// least 1 in any policy (the orchestrator's post-copy policy sets at least 1 s), unless the guest's own setting is
    /// shorter.
    /// </summary>
    /// <param name="memory">Guest memory, bytes (disk left out: it only makes the budget longer).</param>
    /// <param name="configuredPerGb">The guest's effective completionTimeoutPerGiB.</param>
    public static double EarliestSwitchSeconds(double memory, TimeSpan configuredPerGb) =>
        Math.Min(1.0, configuredPerGb.TotalSeconds) * Math.Ceiling(memory / 1e9);
}
