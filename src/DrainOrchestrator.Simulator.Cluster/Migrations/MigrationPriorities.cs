namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>The wire names of <see cref="MigrationPriority"/>.</summary>
public static class MigrationPriorities
{
    /// <summary>The values <c>spec.priority</c> accepts, in KubeVirt's spelling.</summary>
    public static IReadOnlyList<string> Names { get; } = ["system-critical", "user-triggered", "system-maintenance"];

    /// <summary>The priority of a wire name, or null for an unknown one.</summary>
    public static MigrationPriority? Parse(string? name) => name switch
    {
        "system-critical" => MigrationPriority.SystemCritical,
        "user-triggered" => MigrationPriority.UserTriggered,
        "system-maintenance" => MigrationPriority.SystemMaintenance,
        _ => null,
    };

    /// <summary>The wire name.</summary>
    public static string Name(MigrationPriority priority) => priority switch
    {
        MigrationPriority.SystemCritical => "system-critical",
        MigrationPriority.UserTriggered => "user-triggered",
        _ => "system-maintenance",
    };
}
