using DrainOrchestrator.Application.Drains;

namespace DrainOrchestrator.Application.Rehearsals;

/// <summary>What to rehearse: a drain of a snapshot's nodes, in a private drain-sim at <see cref="Speed"/>.</summary>
/// <param name="Scenario">The drain-sim scenario file (<c>drainctl snapshot</c>'s output).</param>
/// <param name="Drain">The nodes and the policy, as <c>drainctl drain</c> takes them.</param>
/// <param name="Speed">Cluster seconds per wall-clock second, for drain-sim and the engine's clock alike.</param>
public sealed record RehearsalRequest(string Scenario, DrainSpec Drain, double Speed)
{
    /// <summary>The fastest speed allowed: the engine's work (journal commits, API round trips) must stay short in cluster time.</summary>
    public const double MaxSpeed = 200;

    /// <summary>The maintenance window's length the work must fit (cluster time); null for none.</summary>
    public TimeSpan? Window { get; init; }

    /// <summary>Also drain the same nodes with KubeVirt's evacuation controller alone, on a fresh drain-sim.</summary>
    public bool CompareKubeVirt { get; init; }

    /// <summary>How long (cluster time) KubeVirt alone may take before the comparison gives up on it.</summary>
    public TimeSpan KubeVirtTimeout { get; init; } = TimeSpan.FromHours(2);

    /// <summary>The drain-sim program (drain-sim.dll); null to find it (<see cref="SimulatorProgram"/>).</summary>
    public string? SimulatorDll { get; init; }
}
