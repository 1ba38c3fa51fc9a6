namespace DrainOrchestrator.Engine.Evacuate;

/// <summary>
/// Where the hand-off of a decentralized move lies, for the cancel rule. Before it (each VMIM of the pair absent, without a
/// phase, or in <c>Pending</c>, <c>Scheduling</c>, <c>Scheduled</c> or <c>WaitingForSync</c>), no receiver pod runs the
/// guest's state yet: deleting both VMIMs cancels the move cleanly (KubeVirt deletes the target pod, the source keeps
/// running). From <c>Synchronizing</c> (the receiver's pod starts), <c>PreparingTarget</c>, <c>TargetReady</c> or
/// <c>Running</c> on, a delete becomes an abort racing the transfer, so a cancel lets the move finish instead.
/// </summary>
public static class EvacuationHandOff
{
    private static readonly HashSet<string> Before = new(StringComparer.Ordinal) { "", "Pending", "Scheduling", "Scheduled", "WaitingForSync" };

    /// <summary>Whether a VMIM in <paramref name="phase"/> (null: no phase yet) has not reached the hand-off.</summary>
    public static bool IsBefore(string? phase) => phase is null || Before.Contains(phase);

    /// <summary>
    /// Whether a cancel may delete the pair: at least one VMIM exists (<paramref name="sending"/>/<paramref name="receiving"/>
    /// tell whether each exists) and every one that exists is before the hand-off.
    /// </summary>
    public static bool MayAbort(bool sending, string? sendingPhase, bool receiving, string? receivingPhase) =>
        (sending || receiving) && (!sending || IsBefore(sendingPhase)) && (!receiving || IsBefore(receivingPhase));
}
