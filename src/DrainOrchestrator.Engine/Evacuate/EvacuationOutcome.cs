using DrainOrchestrator.Persistence.Evacuations;

namespace DrainOrchestrator.Engine.Evacuate;

/// <summary>How an evacuation ends once every VM has: its final state and the text operators read (the error or the cancel's summary).</summary>
internal static class EvacuationOutcome
{
    /// <summary>Succeeded when every VM moved; failed with the VMs that did not otherwise.</summary>
    public static (EvacuationState State, string? Error) Of(IReadOnlyList<EvacuationVmRecord> vms, string sourceNamespace)
    {
        var failed = vms.Where(v => v.State != EvacuationVmState.Succeeded).ToList();
        return failed.Count == 0
            ? (EvacuationState.Succeeded, null)
            : (EvacuationState.Failed, $"{failed.Count} of {vms.Count} VM(s) could not be moved and keep running in {sourceNamespace}: "
                + string.Join("; ", failed.Select(f => $"{f.VmName}: {f.Failure}")));
    }

    /// <summary>The summary of a cancelled evacuation: which VMs moved, and which did not and why (each keeps running in the source).</summary>
    public static string CancelledSummary(IReadOnlyList<EvacuationVmRecord> vms, string sourceNamespace)
    {
        var moved = vms.Where(v => v.State == EvacuationVmState.Succeeded).Select(v => v.VmName).ToList();
        var stayed = vms.Where(v => v.State != EvacuationVmState.Succeeded).ToList();
        var summary = $"cancelled: {moved.Count} of {vms.Count} VM(s) moved" + (moved.Count == 0 ? string.Empty : $" ({string.Join(", ", moved)})");
        return stayed.Count == 0
            ? summary
            : summary + $"; not moved, still running in {sourceNamespace}: "
                + string.Join("; ", stayed.Select(v => $"{v.VmName} ({v.Failure ?? v.State.ToDatabase()})"));
    }
}
