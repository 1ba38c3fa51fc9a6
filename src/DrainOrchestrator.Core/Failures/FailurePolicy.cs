using System.Globalization;
using DrainOrchestrator.Core.Policy;

namespace DrainOrchestrator.Core.Failures;

/// <summary>Retries, backoff and the post-copy fallback. Immutable.</summary>
public sealed record FailurePolicy
{
    /// <summary>The label every VMI may carry to forbid post-copy (value <c>forbidden</c>).</summary>
    public const string DefaultPostCopyForbiddenLabel = "drain-orchestrator.io/post-copy-forbidden";

    /// <summary>Most attempts per VMI, the first included.</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>The wait after the first failure.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>The longest wait between attempts.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How much the wait grows per failure.</summary>
    public double BackoffMultiplier { get; init; } = 2.0;

    /// <summary>Retry a VM that did not converge with post-copy.</summary>
    public bool PostCopyFallback { get; init; } = true;

    /// <summary>Labels (key and exact value) any one of which forbids post-copy for a VMI.</summary>
    public IReadOnlyDictionary<string, string> PostCopyForbiddenLabels { get; init; } =
        new Dictionary<string, string>(StringComparer.Ordinal) { [DefaultPostCopyForbiddenLabel] = "true" };

    /// <summary>The wait before attempt <paramref name="failures"/> + 1, after that many failures.</summary>
    public TimeSpan BackoffAfter(int failures)
    {
        if (failures <= 0)
        {
            return TimeSpan.Zero;
        }

        var seconds = InitialBackoff.TotalSeconds * Math.Pow(BackoffMultiplier, Math.Min(failures - 1, 60));
        return seconds >= MaxBackoff.TotalSeconds || double.IsInfinity(seconds) ? MaxBackoff : TimeSpan.FromSeconds(seconds);
    }

    /// <summary>The forbidding label a VMI carries, as <c>key=value</c>; null when post-copy is allowed.</summary>
    public string? FindPostCopyForbiddingLabel(IReadOnlyDictionary<string, string> vmiLabels)
    {
        ArgumentNullException.ThrowIfNull(vmiLabels);
        foreach (var (key, value) in PostCopyForbiddenLabels)
        {
            if (vmiLabels.TryGetValue(key, out var actual) && string.Equals(actual, value, StringComparison.Ordinal))
            {
                return key + "=" + value;
            }
        }

        return null;
    }

    /// <summary>Every problem with these values; empty when valid.</summary>
    public IReadOnlyList<PolicyProblem> Validate()
    {
        var problems = new List<PolicyProblem>();
        if (MaxAttempts < 1)
        {
            problems.Add(new("Failure.MaxAttempts", "must be at least 1", MaxAttempts.ToString(CultureInfo.InvariantCulture)));
        }

        if (InitialBackoff < TimeSpan.Zero)
        {
            problems.Add(new("Failure.InitialBackoff", "must not be negative", InitialBackoff.ToString()));
        }

        if (MaxBackoff < InitialBackoff)
        {
            problems.Add(new("Failure.MaxBackoff", "must be at least", MaxBackoff.ToString(), "Failure.InitialBackoff", InitialBackoff.ToString()));
        }

        if (!(BackoffMultiplier >= 1.0) || double.IsInfinity(BackoffMultiplier))
        {
            problems.Add(new("Failure.BackoffMultiplier", "must be a finite number of at least 1", BackoffMultiplier.ToString(CultureInfo.InvariantCulture)));
        }

        if (PostCopyForbiddenLabels is null)
        {
            problems.Add(new("Failure.PostCopyForbiddenLabels", "must be set (it may be empty)", null));
        }

        return problems;
    }
}
