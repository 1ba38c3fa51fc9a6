using DrainOrchestrator.Persistence.Attempts;
using DrainOrchestrator.Persistence.Drains;
using DrainOrchestrator.Persistence.Waves;

namespace DrainOrchestrator.Engine.Reports;

/// <summary>Everything a drain's report shows, read from PostgreSQL alone (the cluster forgets its migrations).</summary>
/// <param name="Drain">The drain.</param>
/// <param name="Waves">Its waves, in order.</param>
/// <param name="Attempts">Every migration attempt, by wave.</param>
/// <param name="NotMoved">The VMIs it left where they were: skipped, blocking, or given up on.</param>
/// <param name="Interop">What the cluster refused of what other tools see (node conditions, the maintenance lease), each with its fix.</param>
public sealed record DrainReport(
    DrainRecord Drain, IReadOnlyList<WaveRecord> Waves, IReadOnlyList<AttemptRecord> Attempts, IReadOnlyList<UnmovedVmi> NotMoved,
    IReadOnlyList<string>? Interop = null)
{
    /// <summary>The maintenance windows it ran in, oldest first; empty when it ran without one.</summary>
    public IReadOnlyList<WindowRun> Windows { get; init; } = [];

    /// <summary>The plan's prediction per VMI uid, for the VMs it planned to move; empty when no plan was journaled.</summary>
    public IReadOnlyDictionary<string, PredictedMigration> Predictions { get; init; } = new Dictionary<string, PredictedMigration>();

    /// <summary>The plan's predicted duration of the migrate step; null when no plan was journaled.</summary>
    public double? PredictedMakespanSeconds { get; init; }

    /// <summary>Who requested, signalled and ran the drain, oldest first.</summary>
    public IReadOnlyList<ReportAction> Actions { get; init; } = [];

    /// <summary>For a move-back: the drain whose VMs it returns; null for a drain.</summary>
    public MoveBackLink? Returns { get; init; }

    /// <summary>For a move-back: per VMI uid, the returned drain's attempt that moved the VM away; empty for a drain.</summary>
    public IReadOnlyDictionary<string, OutboundAttempt> Outbound { get; init; } = new Dictionary<string, OutboundAttempt>();

    /// <summary>The move-backs of this drain, oldest first; empty when none was started.</summary>
    public IReadOnlyList<MoveBackLink> MovedBackBy { get; init; } = [];
}
