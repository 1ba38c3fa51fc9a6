namespace DrainOrchestrator.Simulator.Api.Store;

/// <summary>One page of a list.</summary>
/// <param name="Items">The objects, in namespace/name order.</param>
/// <param name="ResourceVersion">The store's resourceVersion when the list was taken.</param>
/// <param name="Continue">The token for the next page, or null on the last page.</param>
/// <param name="RemainingItemCount">How many matching objects follow, when known.</param>
public sealed record ListResult(IReadOnlyList<StoredObject> Items, long ResourceVersion, string? Continue, long? RemainingItemCount);
