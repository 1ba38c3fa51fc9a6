namespace DrainOrchestrator.Application.Workflows;

/// <summary>An unfinished workflow instance that no live process holds (its lease is free or expired): someone must run it.</summary>
public sealed record UnattendedInstance(Guid Id, string Name, string State, DateTimeOffset CreatedAt, DateTimeOffset? StartedAt);
