namespace DrainOrchestrator.Scheduling.Bench.Bounds;

/// <summary>
/// The slot-seconds a node with two outbound slots must waste while its transfers longer than the start-up run: the
/// tightening of the node's slot term, <c>(Σ_n (S + t) + waste) / 2</c>. "The lower bound" in
/// bench/results/summary.md argues it; in short:
/// <list type="bullet">
/// <item>With every transfer of the node able to fill its NIC alone (R = B), a moment when neither slot is in a
/// start-up wastes at least one slot-second per second: at most one transfer's worth of NIC work gets done while two
/// slots are held (or one is idle).</item>
/// <item>While a long transfer (t &gt; S) runs, only the other slot can be in a start-up, and a start-up that ends
/// before the long transfers do starts a transfer beside them. So over a stretch of long transfers the other slot
/// is in start-ups for at most S per shadowing guest plus one, while the stretch lasts at least the NIC time of the
/// long transfers and of those shadows: the waste is at least Σ_long (t − S) − Σ_shadows (S − t_k), and at least the
/// shadows' own transfer times Σ_shadows t_k (both slots transfer then).</item>
/// <item>The best any schedule can do is the fractional choice of shadows that balances the two: the E / S shortest
/// guests (E = Σ_long (t − S)), which waste their transfer times; with fewer guests than that, E less what all of
/// them save.</item>
/// </list>
/// </summary>
internal static class ShadowedLongTransfers
{
    /// <summary>
    /// The least waste, in slot-seconds, of a node's transfers (each with its NIC to itself taking
    /// <paramref name="transferSeconds"/>) with start-up <paramref name="startupSeconds"/>.
    /// </summary>
    public static double WasteSeconds(IReadOnlyCollection<double> transferSeconds, double startupSeconds)
    {
        ArgumentNullException.ThrowIfNull(transferSeconds);
        if (startupSeconds <= 0)
        {
            return 0;
        }

        var excess = transferSeconds.Where(t => t > startupSeconds).Sum(t => t - startupSeconds);
        var shorts = transferSeconds.Where(t => t <= startupSeconds).Order().ToList();
        var shadowsNeeded = excess / startupSeconds;
        if (shadowsNeeded >= shorts.Count)
        {
            return excess - shorts.Sum(t => startupSeconds - t);
        }

        var whole = (int)Math.Floor(shadowsNeeded);
        var waste = shorts.Take(whole).Sum();
        return whole < shorts.Count ? waste + ((shadowsNeeded - whole) * shorts[whole]) : waste;
    }
}
