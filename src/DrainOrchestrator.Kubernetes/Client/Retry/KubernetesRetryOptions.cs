namespace DrainOrchestrator.Kubernetes.Client.Retry;

/// <summary>
/// How <see cref="KubernetesClient"/> repeats calls that failed with verdict <see cref="Errors.RetryVerdict.BackOff"/>:
/// exponential backoff with jitter, or the server's Retry-After when it sent one, bounded in attempts and in total time.
/// Other verdicts are never retried here: a conflict needs the caller to re-read, a 410 needs a relist.
/// </summary>
public sealed class KubernetesRetryOptions
{
    /// <summary>Retries switched off: every call is made once.</summary>
    public static KubernetesRetryOptions None => new() { MaxAttempts = 1 };

    /// <summary>Attempts in all, the first included; 1 disables retries.</summary>
    public int MaxAttempts { get; set; } = KubernetesRetryConstants.DefaultMaxAttempts;

    /// <summary>The delay before the first retry; later ones grow exponentially, with jitter.</summary>
    public TimeSpan BaseDelay { get; set; } = KubernetesRetryConstants.DefaultBaseDelay;

    /// <summary>The longest computed delay between two attempts.</summary>
    public TimeSpan MaxDelay { get; set; } = KubernetesRetryConstants.DefaultMaxDelay;

    /// <summary>
    /// The longest Retry-After honoured: a server asking for more ends the retries (the caller sees its error and the
    /// requested wait in <see cref="Errors.KubernetesApiException.RetryAfter"/>).
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = KubernetesRetryConstants.DefaultMaxRetryAfter;

    /// <summary>No retry starts, and no wait is begun that would end, later than this after the first attempt started.</summary>
    public TimeSpan MaxTotalTime { get; set; } = KubernetesRetryConstants.DefaultMaxTotalTime;

    /// <summary>Throws with every problem at once when a value is out of range.</summary>
    public void Validate()
    {
        var problems = new List<string>();
        if (MaxAttempts < 1)
        {
            problems.Add($"{nameof(MaxAttempts)} must be at least 1, was {MaxAttempts}");
        }

        if (BaseDelay <= TimeSpan.Zero)
        {
            problems.Add($"{nameof(BaseDelay)} must be positive, was {BaseDelay}");
        }

        if (MaxDelay < BaseDelay)
        {
            problems.Add($"{nameof(MaxDelay)} must be at least {nameof(BaseDelay)} ({BaseDelay}), was {MaxDelay}");
        }

        if (MaxRetryAfter < TimeSpan.Zero)
        {
            problems.Add($"{nameof(MaxRetryAfter)} must not be negative, was {MaxRetryAfter}");
        }

        if (MaxTotalTime <= TimeSpan.Zero)
        {
            problems.Add($"{nameof(MaxTotalTime)} must be positive, was {MaxTotalTime}");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid Kubernetes retry options: " + string.Join("; ", problems) + ".");
        }
    }
}
