namespace DrainOrchestrator.Application.Workflows;

/// <summary>The answer to a pause, resume or cancel: whether it was recorded (false when the instance had ended), and the instance after it.</summary>
public sealed record WorkflowSignalOutcome(bool Accepted, string Message, WorkflowView Instance);
