using DrainOrchestrator.Core.Policy;

namespace DrainOrchestrator.Core.Planning;

/// <summary>
/// The target start-up a drain assumes: an operator's value in the policy wins; else what observed migrations showed
/// (each one's time from its VMIM's creation to its transfer's start); else the default. Observed start-ups are read as a
/// high percentile once there are a few: a start-up assumed too short leaves a NIC idle while the next target pod
/// starts, one assumed too long only makes two transfers share the NIC for a moment, so the estimate leans long, and a
/// single slow image pull on a new node does not set it alone.
/// </summary>
public static class TargetStartups
{
    /// <summary>How many observed start-ups it takes before they replace the default.</summary>
    public const int MinimumSamples = 3;

    /// <summary>The percentile of the observed start-ups taken (nearest rank).</summary>
    public const double Percentile = 0.9;

    /// <summary>The start-up <paramref name="observed"/> supports; null when there are fewer than <see cref="MinimumSamples"/>.</summary>
    public static TimeSpan? Of(IReadOnlyCollection<TimeSpan> observed)
    {
        ArgumentNullException.ThrowIfNull(observed);
        var valid = observed.Where(s => s >= TimeSpan.Zero).Order().ToList();
        if (valid.Count < MinimumSamples)
        {
            return null;
        }

        var rank = (int)Math.Ceiling(Percentile * valid.Count);
        return valid[Math.Clamp(rank, 1, valid.Count) - 1];
    }

    /// <summary>
    /// The policy whose cost model assumes the start-up to use, and where that came from: the policy's own when it was
    /// set, else <paramref name="learned"/>, else the default.
    /// </summary>
    public static (DrainPolicy Policy, StartupSource Source) Choose(DrainPolicy policy, TimeSpan? learned)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (policy.CostModel.TargetStartupIsSet)
        {
            return (policy, StartupSource.Policy);
        }

        return learned is { } value
            ? (policy with { CostModel = policy.CostModel with { TargetStartup = value } }, StartupSource.Observed)
            : (policy, StartupSource.Default);
    }
}
