namespace DrainOrchestrator.Application.Snapshots;

/// <summary>A snapshot written as a drain-sim scenario.</summary>
/// <param name="Yaml">The scenario, its warnings as comments at the top.</param>
/// <param name="Warnings">What the scenario format cannot express, so the copy differs from the cluster there.</param>
/// <param name="Nodes">How many nodes it holds.</param>
/// <param name="Vms">How many VMs it holds.</param>
/// <param name="GeneratedKey">The redaction key drawn for this snapshot (hex), to reuse for stable pseudonyms; null when given or not redacted.</param>
public sealed record SnapshotResult(string Yaml, IReadOnlyList<string> Warnings, int Nodes, int Vms, string? GeneratedKey);
