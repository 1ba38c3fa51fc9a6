using System.Globalization;
using DrainOrchestrator.Core.Policy;

namespace DrainOrchestrator.Core.Planning;

/// <summary>Assumptions of the migration duration model where the cluster does not say. Immutable.</summary>
public sealed record CostModelOptions
{
    /// <summary>The start-up assumed when nobody set one and none was observed yet.</summary>
    public static readonly TimeSpan DefaultTargetStartup = TimeSpan.FromSeconds(10);

    private readonly TimeSpan? _targetStartup;

    /// <summary>
    /// Time from a migration's creation until its transfer starts (target pod scheduled and started, target prepared,
    /// hand-off). Unless set (<see cref="TargetStartupIsSet"/>) a drain learns it (<see cref="TargetStartups"/>).
    /// </summary>
    public TimeSpan TargetStartup { get => _targetStartup ?? DefaultTargetStartup; init => _targetStartup = value; }

    /// <summary>Whether <see cref="TargetStartup"/> was set (an operator's value, which learning never overrides).</summary>
    public bool TargetStartupIsSet => _targetStartup is not null;

    /// <summary>NIC bandwidth assumed for a node that reports none (10 Gbit/s).</summary>
    public long AssumedNicBandwidthBytesPerSecond { get; init; } = 1_250_000_000;

    /// <summary>Dirty rate assumed for a guest that reports none and has no history.</summary>
    public long AssumedDirtyRateBytesPerSecond { get; init; } = 10_000_000;

    /// <summary>With auto-converge, the dirty rate is throttled to at most this fraction of the bandwidth.</summary>
    public double AutoConvergeDirtyFraction { get; init; } = 0.5;

    /// <summary>Every problem with these values; empty when valid.</summary>
    public IReadOnlyList<PolicyProblem> Validate()
    {
        var problems = new List<PolicyProblem>();
        if (TargetStartup < TimeSpan.Zero)
        {
            problems.Add(new("CostModel.TargetStartup", "must not be negative", Format(TargetStartup)));
        }

        if (AssumedNicBandwidthBytesPerSecond < 1)
        {
            problems.Add(new("CostModel.AssumedNicBandwidthBytesPerSecond", "must be at least 1", Format(AssumedNicBandwidthBytesPerSecond)));
        }

        if (AssumedDirtyRateBytesPerSecond < 0)
        {
            problems.Add(new("CostModel.AssumedDirtyRateBytesPerSecond", "must not be negative", Format(AssumedDirtyRateBytesPerSecond)));
        }

        if (!(AutoConvergeDirtyFraction > 0 && AutoConvergeDirtyFraction < 1))
        {
            problems.Add(new("CostModel.AutoConvergeDirtyFraction", "must be between 0 and 1 (exclusive)", Format(AutoConvergeDirtyFraction)));
        }

        return problems;
    }

    private static string Format(IFormattable value) => value.ToString(null, CultureInfo.InvariantCulture);
}
