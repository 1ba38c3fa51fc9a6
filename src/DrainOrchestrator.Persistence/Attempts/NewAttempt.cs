namespace DrainOrchestrator.Persistence.Attempts;

/// <summary>An attempt to record before its VMIM is created, or its VMI deleted for a restart (journal before act).</summary>
/// <param name="DrainId">The drain.</param>
/// <param name="WaveNumber">The planned wave of the VMI.</param>
/// <param name="Attempt">1-based attempt number.</param>
/// <param name="VmiNamespace">The VMI's namespace.</param>
/// <param name="VmiName">The VMI's name.</param>
/// <param name="VmiUid">The VMI's uid.</param>
/// <param name="SourceNode">The node it leaves.</param>
/// <param name="TargetNode">The pinned target.</param>
/// <param name="VmimName">The deterministic VMIM name.</param>
/// <param name="PostCopy">Whether the orchestrator's post-copy policy applies to it.</param>
/// <param name="Kind"><see cref="AttemptKind.Migration"/> or <see cref="AttemptKind.Restart"/> (recorded without a wave).</param>
public sealed record NewAttempt(
    Guid DrainId,
    int WaveNumber,
    int Attempt,
    string VmiNamespace,
    string VmiName,
    string VmiUid,
    string SourceNode,
    string? TargetNode,
    string VmimName,
    bool PostCopy,
    AttemptKind Kind = AttemptKind.Migration);
