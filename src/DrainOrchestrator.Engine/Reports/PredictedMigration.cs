namespace DrainOrchestrator.Engine.Reports;

/// <summary>What the plan predicted for one VM's move, as journaled with the plan.</summary>
/// <param name="Seconds">The predicted duration.</param>
/// <param name="Mode">The predicted migration mode.</param>
public sealed record PredictedMigration(double Seconds, string Mode);
