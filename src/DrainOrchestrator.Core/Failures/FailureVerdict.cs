namespace DrainOrchestrator.Core.Failures;

/// <summary>What to do after a failed attempt.</summary>
public enum FailureVerdict
{
    /// <summary>Try again, not before the decision's time.</summary>
    Retry,

    /// <summary>Stop trying; the VMI is reported with the reason.</summary>
    GiveUp,
}
