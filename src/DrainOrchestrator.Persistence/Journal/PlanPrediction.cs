namespace DrainOrchestrator.Persistence.Journal;

/// <summary>What the plan predicted for one VM it moves.</summary>
/// <param name="Uid">The VMI's uid.</param>
/// <param name="Seconds">The predicted duration of its migration.</param>
/// <param name="Mode">The predicted migration mode.</param>
public readonly record struct PlanPrediction(string Uid, double Seconds, string Mode);
