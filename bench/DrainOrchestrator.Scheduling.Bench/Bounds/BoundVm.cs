namespace DrainOrchestrator.Scheduling.Bench.Bounds;

/// <summary>One VMI a batch must move, as the lower bound sees it.</summary>
/// <param name="Name">namespace/name.</param>
/// <param name="SourceNode">The node it leaves.</param>
/// <param name="SourceNicBytesPerSecond">That node's migration NIC.</param>
/// <param name="Alone">The migration alone at full rate.</param>
internal sealed record BoundVm(string Name, string SourceNode, double SourceNicBytesPerSecond, UncontendedMigration Alone);
