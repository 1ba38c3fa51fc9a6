namespace DrainOrchestrator.Application.Workflows;

/// <summary>An unfinished workflow instance that no live process holds (its lease is free or expired): someone must run it.</summary>
/// <param name="Id">The instance's id.</param>
/// <param name="Name">The instance's name.</param>
/// <param name="State">Its recorded state (pending, running, waiting, paused).</param>
/// <param name="CreatedAt">When it was recorded.</param>
/// <param name="StartedAt">When a run first began it; null before.</param>
/// <param name="PendingSince">
/// For a pending instance, since when it waits for its job: its creation, or the firing of the occurrence that resumed
/// it after a suspension; null in any other state.
/// </param>
public sealed record UnattendedInstance(Guid Id, string Name, string State, DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? PendingSince);
