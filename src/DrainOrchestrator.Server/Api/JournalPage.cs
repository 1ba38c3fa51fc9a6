using DrainOrchestrator.Application.Journal;

namespace DrainOrchestrator.Server.Api;

/// <summary>Journal events in sequence order; <paramref name="Next"/> is the <c>after</c> of the next page, null when this one was not full.</summary>
public sealed record JournalPage(IReadOnlyList<JournalEventView> Items, long? Next);
