namespace DrainOrchestrator.Persistence.Journal.Events;

/// <summary>A step of the drain is done; a run after a crash skips it.</summary>
/// <param name="Step">The step: validate, lock, cordon, plan, migrate or verify.</param>
[JournalEvent("step.completed", 1)]
public sealed record StepCompleted(string Step) : JournalEvent;
