using System.Globalization;
using System.Text.Json;
using DrainOrchestrator.Core.Failures;
using DrainOrchestrator.Kubernetes.Models;
using DrainOrchestrator.Persistence.Attempts;

namespace DrainOrchestrator.Engine.Migrate;

/// <summary>
/// What the cluster says about one unfinished attempt, as an observation to record. Pure. The observed cluster wins:
/// a VMIM that exists is followed; one that is gone (deleted, or garbage-collected: KubeVirt keeps 5 finished VMIMs per
/// VMI) is judged from the VMI, its migration state and its node; one the API server provably never got is
/// <c>not_created</c>.
/// </summary>
internal static class AttemptReconciler
{
    /// <param name="record">The attempt as recorded (not final).</param>
    /// <param name="vmim">Its VMIM as the cluster (or this process's own create) shows it; null when absent.</param>
    /// <param name="vmi">The VMI of the recorded uid; null when it no longer exists.</param>
    /// <param name="absentAtServer">
    /// True when the API server itself (not a cache) said no VMIM of that name exists, read after any create sent
    /// earlier could still land (<see cref="CreateFence"/>): an intent is then <c>not_created</c>. An intent is never
    /// decided on the view's absence alone.
    /// </param>
    public static AttemptObservation? Observe(AttemptRecord record, VirtualMachineInstanceMigration? vmim,
        VirtualMachineInstance? vmi, bool absentAtServer)
    {
        if (vmim is not null)
        {
            return FromMigration(record, vmim, vmi);
        }

        if (record.Outcome == AttemptOutcome.Intended)
        {
            // Not the VM's fault: the attempt is not counted against it.
            return absentAtServer
                ? new AttemptObservation(AttemptOutcome.NotCreated, FailureClass: nameof(FailureKind.Infrastructure),
                    FailureReason: "never created: the engine stopped between recording the intent and creating the VMIM, "
                        + "and the API server had no VMIM of that name once no earlier create could land")
                : null;
        }

        return vmi is null
            ? new AttemptObservation(AttemptOutcome.Failed, FailureClass: nameof(FailureKind.VmiGone), FailureReason: "the VMI no longer exists")
            : FromVmi(record, vmi);
    }

    // The VMIM is gone (deleted, or garbage-collected after it finished) while the VMI of the recorded uid exists: its
    // migration state tells the end when it is still this VMIM's; otherwise its node does (a later migration overwrote the
    // state, or the VMIM's uid was never learnt). A VMIM deleted before it finished was deleted by someone else (this
    // drain records its own aborts as it deletes): not the VM's fault.
    private static AttemptObservation? FromVmi(AttemptRecord record, VirtualMachineInstance vmi)
    {
        var state = vmi.Status?.MigrationState;
        if (state is not null && record.VmimUid is not null && state.MigrationUid == record.VmimUid)
        {
            if (state.Completed == true || state.Failed == true)
            {
                return Final(record, state, state.Completed == true && state.Failed != true, null);
            }

            return AbortedExternally(record, "the VMIM was deleted while its migration ran, not by this drain", state.TargetNode);
        }

        var node = vmi.Status?.NodeName;
        if (!string.IsNullOrEmpty(node) && node == record.TargetNode && node != record.SourceNode)
        {
            return new AttemptObservation(AttemptOutcome.Succeeded, TargetNode: node, Mode: state?.Mode ?? "PreCopy",
                FailureReason: $"the VMIM is gone (deleted or garbage-collected) and the VMI (uid {record.VmiUid}) runs on its target {node}");
        }

        return AbortedExternally(record, $"the VMIM was deleted before it finished, not by this drain; the VMI is on {node ?? "no node"}", null);
    }

    private static AttemptObservation AbortedExternally(AttemptRecord record, string reason, string? targetNode) =>
        new(AttemptOutcome.Aborted, TargetNode: targetNode ?? record.TargetNode, FailureClass: nameof(FailureKind.AbortedExternally),
            FailureReason: reason);

    private static AttemptObservation? FromMigration(AttemptRecord record, VirtualMachineInstanceMigration vmim, VirtualMachineInstance? vmi)
    {
        var phase = vmim.Status?.Phase;
        var phases = PhaseJson(vmim);
        var vmiState = vmi?.Status?.MigrationState is { } s && s.MigrationUid == vmim.Metadata.Uid ? s : null;
        var state = vmim.Status?.MigrationState ?? vmiState;
        var created = vmim.Metadata.CreationTimestamp;
        if (phase is "Succeeded" or "Failed")
        {
            var observation = Final(record, state, phase == "Succeeded", vmim);
            return observation with { VmimUid = vmim.Metadata.Uid, PhaseTimestampsJson = phases, CreatedAt = created };
        }

        var outcome = phase == "Running" ? AttemptOutcome.Running : AttemptOutcome.Created;
        // Only a new outcome (created to running) is recorded while the VMIM runs: its phases in between change nothing the
        // engine or a report reads, and the end records all of them.
        if (outcome == record.Outcome && record.VmimUid == vmim.Metadata.Uid)
        {
            return null;
        }

        return new AttemptObservation(outcome, VmimUid: vmim.Metadata.Uid, TargetNode: state?.TargetNode, Mode: state?.Mode,
            PhaseTimestampsJson: phases, CreatedAt: created, StartedAt: state?.StartTimestamp);
    }

    private static AttemptObservation Final(AttemptRecord record, VirtualMachineInstanceMigrationState? state, bool succeeded,
        VirtualMachineInstanceMigration? vmim)
    {
        if (succeeded)
        {
            return new AttemptObservation(AttemptOutcome.Succeeded, TargetNode: state?.TargetNode, Mode: state?.Mode ?? "PreCopy",
                StartedAt: state?.StartTimestamp, FinishedAt: state?.EndTimestamp,
                Network: new AttemptNetwork(state?.TargetNodeAddress, null, null));
        }

        var aborted = state?.AbortRequested == true
            || (vmim?.Status?.Conditions?.Any(c => c.Type == "migrationAbortRequested" && c.Status == "True") ?? false);
        var reason = state?.FailureReason
            ?? vmim?.Status?.Conditions?.FirstOrDefault(c => !string.IsNullOrEmpty(c.Message))?.Message
            ?? "the migration failed without a reason";
        var kind = FailureClassifier.Classify(new FailureFacts(reason, aborted));
        if (kind == FailureKind.Aborted)
        {
            // This drain records its own aborts before it deletes (EndSteps.AbortInFlightAsync), so an unfinished record
            // that ends aborted was aborted by someone else (a deleted VMIM, virtctl migrate-cancel): not the VM's fault.
            return AbortedExternally(record, "aborted, not by this drain: " + reason, state?.TargetNode) with
            {
                StartedAt = state?.StartTimestamp,
                FinishedAt = state?.EndTimestamp,
            };
        }

        return new AttemptObservation(AttemptOutcome.Failed,
            TargetNode: state?.TargetNode, Mode: state?.Mode, FailureClass: kind.ToString(), FailureReason: reason,
            StartedAt: state?.StartTimestamp, FinishedAt: state?.EndTimestamp);
    }

    private static string PhaseJson(VirtualMachineInstanceMigration vmim)
    {
        var map = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var t in vmim.Status?.PhaseTransitionTimestamps ?? [])
        {
            if (t.Phase is { } p && t.PhaseTransitionTimestamp is { } at)
            {
                map[p] = at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
            }
        }

        return JsonSerializer.Serialize(map);
    }
}
