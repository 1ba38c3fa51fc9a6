namespace DrainOrchestrator.Persistence.Journal.Events;

/// <summary>A run of the drain began inside a maintenance window: migrations start only while they fit it.</summary>
/// <param name="Start">When the window opened.</param>
/// <param name="End">When it closes.</param>
/// <param name="MarginSeconds">How long before <paramref name="End"/> every migration must be predicted to end.</param>
/// <param name="Factor">The pessimism factor the admission started with.</param>
[JournalEvent("drain.window_opened", 1)]
public sealed record WindowOpened(DateTimeOffset Start, DateTimeOffset End, double MarginSeconds, double Factor) : JournalEvent;

/// <summary>
/// The window's admission held a migration back: predicted (pessimistically) to end after the window closes. Recorded
/// once per VMI and window; it waits for the next window.
/// </summary>
/// <param name="Vmi">The VMI, as namespace/name.</param>
/// <param name="Uid">Its uid.</param>
/// <param name="PredictedSeconds">The pessimistic duration.</param>
/// <param name="ClosesAt">The latest end the window admits (its end minus the margin).</param>
[JournalEvent("migration.held_back", 1)]
public sealed record MigrationHeldBack(string Vmi, string Uid, double PredictedSeconds, DateTimeOffset ClosesAt) : JournalEvent;

/// <summary>The window ended with migrations in flight, and the policy aborts them.</summary>
/// <param name="End">The window's end.</param>
/// <param name="InFlight">How many migrations were in flight.</param>
[JournalEvent("drain.window_ended", 1)]
public sealed record WindowEnded(DateTimeOffset End, int InFlight) : JournalEvent;

/// <summary>
/// Nothing more fits the window: the drain waits for the next one, holding its nodes (cordoned, or uncordoned when the
/// policy says so). A run in a later window resumes it.
/// </summary>
/// <param name="WindowEnd">The end of the window it ran in.</param>
/// <param name="Remaining">VMs still to move.</param>
/// <param name="Uncordoned">Whether its nodes were uncordoned for the wait.</param>
/// <param name="Reason">Why, in words.</param>
[JournalEvent("drain.suspended", 1)]
public sealed record DrainSuspended(DateTimeOffset WindowEnd, int Remaining, bool Uncordoned, string Reason) : JournalEvent;
