namespace DrainOrchestrator.Core.Scheduling;

/// <summary>
/// One step of the local search over start orders that <see cref="SlotBalance"/> (one source's candidates) and
/// <see cref="DrainRollout"/> (every source's) run: two candidates of different lengths swap places, in scan order,
/// and the first swap whose play ends sooner is kept.
/// </summary>
internal static class OrderSwaps
{
    // Candidates whose transfers differ by less than this are the same length: swapping them changes nothing.
    private const double SameLengthSeconds = 0.05;

    // A swap is kept when it ends the play sooner by at least this much.
    private const double SwapGainSeconds = 0.01;

    /// <summary>
    /// Tries the swaps of <paramref name="order"/> (indices into <paramref name="lengths"/>) until one makes
    /// <paramref name="play"/> end sooner than <paramref name="end"/>: keeps it, lowers <paramref name="end"/> and returns
    /// true; otherwise leaves the order as it was and returns false. Stops once <paramref name="plays"/> reaches
    /// <paramref name="maxPlays"/>.
    /// </summary>
    public static bool TryImprove(int[] order, double[] lengths, Func<double> play, ref double end, ref int plays, int maxPlays)
    {
        for (var i = 0; i < order.Length - 1 && plays < maxPlays; i++)
        {
            for (var j = i + 1; j < order.Length && plays < maxPlays; j++)
            {
                if (Math.Abs(lengths[order[i]] - lengths[order[j]]) < SameLengthSeconds)
                {
                    continue;
                }

                (order[i], order[j]) = (order[j], order[i]);
                var swapped = play();
                plays++;
                if (swapped < end - SwapGainSeconds)
                {
                    end = swapped;
                    return true;
                }

                (order[i], order[j]) = (order[j], order[i]);
            }
        }

        return false;
    }
}
