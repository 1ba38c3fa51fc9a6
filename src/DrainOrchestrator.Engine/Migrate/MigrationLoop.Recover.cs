using DrainOrchestrator.Kubernetes.Models;
using DrainOrchestrator.Persistence.Attempts;

namespace DrainOrchestrator.Engine.Migrate;

/// <summary>Recovering an intended attempt whose VMIM the view does not show: it may exist, or still be on its way.</summary>
internal sealed partial class MigrationLoop
{
    // An intent found on recovery, its VMIM absent from the view: the previous owner (or this process before an outage)
    // may have sent the create, and the informer may lag. Decided only once no create of a previous owner can land any
    // more (CreateFence.WaitOutPreviousOwnerAsync), from the API server itself. Returns the VMIM when it exists (followed
    // and recorded as adopted), or null with absentAtServer set: then it was never created, and never will be.
    private async Task<(VirtualMachineInstanceMigration? Vmim, bool AbsentAtServer)> ReadUnconfirmedAsync(AttemptRecord record,
        CancellationToken cancellationToken)
    {
        await Fence.WaitOutPreviousOwnerAsync(cancellationToken);
        var vmim = await context.Actions.GetMigrationAsync(record.VmiNamespace, record.VmimName, cancellationToken);
        if (vmim is null)
        {
            return (null, true);
        }

        // Until the informer shows it, this process's memory keeps it from reading as deleted.
        _created[record.VmimName] = (vmim, context.Time.GetUtcNow());
        EngineLog.UnconfirmedFound(context.Logger, record.VmimName, vmim.Metadata.Uid ?? "unknown");
        return (vmim, false);
    }
}
