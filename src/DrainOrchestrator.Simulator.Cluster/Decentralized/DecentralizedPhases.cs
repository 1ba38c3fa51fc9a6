namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>
/// How a decentralized VMIM shows the migration controller's phases: it waits in WaitingForSync (unpaired, or paired and
/// waiting for a slot), and the target pod's scheduling, start and preparation show as Synchronizing, as KubeVirt's do.
/// </summary>
internal static class DecentralizedPhases
{
    public static MigrationPhase Shown(DecentralizedSpec? spec, MigrationPhase phase) => spec is null ? phase : phase switch
    {
        MigrationPhase.Pending => MigrationPhase.WaitingForSync,
        MigrationPhase.Scheduling or MigrationPhase.Scheduled or MigrationPhase.PreparingTarget or MigrationPhase.TargetReady =>
            MigrationPhase.Synchronizing,
        _ => phase,
    };

    public static IReadOnlyList<PhaseTransition> Shown(DecentralizedSpec? spec, IReadOnlyList<PhaseTransition> transitions)
    {
        if (spec is null)
        {
            return [.. transitions];
        }

        var shown = new List<PhaseTransition>(transitions.Count);
        foreach (var transition in transitions)
        {
            var phase = Shown(spec, transition.Phase);
            if (shown.Count == 0 || shown[^1].Phase != phase)
            {
                shown.Add(transition with { Phase = phase });
            }
        }

        return shown;
    }
}
