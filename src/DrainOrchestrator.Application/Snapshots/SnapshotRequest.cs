using DrainOrchestrator.Application.Clusters;

namespace DrainOrchestrator.Application.Snapshots;

/// <summary>What to snapshot, and whether to hide its names.</summary>
/// <param name="Cluster">The cluster to read (only GET and LIST requests are sent to it).</param>
/// <param name="Nodes">Only these nodes and the VMs on them; empty for every node.</param>
/// <param name="Redact">Replace names with stable pseudonyms (docs/snapshot.md says which).</param>
/// <param name="RedactKey">The HMAC key of the pseudonyms; null with <paramref name="Redact"/> draws a random one, returned once.</param>
public sealed record SnapshotRequest(ClusterTarget Cluster, IReadOnlyList<string> Nodes, bool Redact, string? RedactKey);
