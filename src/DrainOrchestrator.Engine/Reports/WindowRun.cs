namespace DrainOrchestrator.Engine.Reports;

/// <summary>One maintenance window a drain ran in, as its report shows it.</summary>
/// <param name="Start">When the window opened.</param>
/// <param name="End">When it closed.</param>
/// <param name="MarginSeconds">How long before its end every migration had to be predicted to end.</param>
/// <param name="Started">Migrations started in it.</param>
/// <param name="Moved">Of those, the ones that moved their VM.</param>
/// <param name="HeldBack">VMs the admission held back in it (predicted to end after it closed).</param>
/// <param name="Suspended">Whether the drain was suspended at its end, with work left for a later window.</param>
public sealed record WindowRun(DateTimeOffset Start, DateTimeOffset End, double MarginSeconds, int Started, int Moved, int HeldBack, bool Suspended);
