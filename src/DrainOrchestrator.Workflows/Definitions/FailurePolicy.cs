namespace DrainOrchestrator.Workflows.Definitions;

/// <summary>What a failed step does to its workflow.</summary>
public enum StepFailurePolicy
{
    /// <summary>The workflow stops, failed.</summary>
    Stop,

    /// <summary>The batch's nodes are skipped (left cordoned or not, per the workflow) and the workflow goes on.</summary>
    Skip,

    /// <summary>The workflow pauses with the reason shown until an operator resumes, skips or cancels.</summary>
    Pause,
}
