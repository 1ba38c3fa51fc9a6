using DrainOrchestrator.Core.Snapshot;

namespace DrainOrchestrator.Core.Migrations;

/// <summary>The migration options KubeVirt will apply to one VMI, and the policy they came from.</summary>
/// <param name="Settings">The resolved options.</param>
/// <param name="PolicyName">The winning MigrationPolicy; null when none matches.</param>
public sealed record EffectiveMigrationConfig(MigrationSettings Settings, string? PolicyName);
