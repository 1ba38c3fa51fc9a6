namespace DrainOrchestrator.Application.Rehearsals;

/// <summary>
/// A rehearsal that could not run: the message says what is wrong and how to fix it; <see cref="IsBadInput"/> when the
/// request or the machine's setup must change first, <see cref="IsRetryable"/> when the same request may succeed again.
/// </summary>
public sealed class RehearsalException(string message, bool isBadInput, bool isRetryable, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>The request or the setup must change before a retry can succeed.</summary>
    public bool IsBadInput { get; } = isBadInput;

    /// <summary>The same request may succeed when tried again.</summary>
    public bool IsRetryable { get; } = isRetryable;
}
