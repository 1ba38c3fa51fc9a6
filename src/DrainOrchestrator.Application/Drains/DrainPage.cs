namespace DrainOrchestrator.Application.Drains;

/// <summary>One page of drains; <paramref name="Next"/> fetches the next page, null on the last.</summary>
public sealed record DrainPage(IReadOnlyList<DrainView> Items, string? Next);
