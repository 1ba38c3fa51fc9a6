namespace DrainOrchestrator.Persistence.Evacuations;

/// <summary>The kinds of evacuation journal entries: one catalogue, so every reader and writer uses the same words.</summary>
public static class EvacuationJournalKinds
{
    /// <summary>The evacuation was recorded with its plan.</summary>
    public const string Planned = "evacuation.planned";

    /// <summary>An engine took the evacuation over (its lease).</summary>
    public const string Owned = "evacuation.owned";

    /// <summary>The evacuation finished.</summary>
    public const string Finished = "evacuation.finished";

    /// <summary>An operator cancelled the evacuation; detail names who.</summary>
    public const string CancelRequested = "evacuation.cancel_requested";

    /// <summary>The owner saw the cancel; detail says how many VMs were moving and how many were left alone.</summary>
    public const string CancelSeen = "evacuation.cancel_seen";

    /// <summary>A move not yet handed off was aborted for the cancel (both VMIMs deleted); detail gives both phases.</summary>
    public const string AbortRequested = "evacuation.abort_requested";

    /// <summary>A VM was not moved because the evacuation was cancelled; detail says why.</summary>
    public const string VmCancelled = "evacuation.vm_cancelled";

    /// <summary>A VM's attempt began (a new migrationID).</summary>
    public const string AttemptStarted = "evacuation.attempt_started";

    /// <summary>A VM's attempt failed; detail says why.</summary>
    public const string AttemptFailed = "evacuation.attempt_failed";

    /// <summary>A VM moved.</summary>
    public const string AttemptSucceeded = "evacuation.attempt_succeeded";

    /// <summary>The synchronization address used for the source VMIM's connectURL.</summary>
    public const string SyncAddress = "sync.address";

    /// <summary>An object was deleted in a clean-up.</summary>
    public const string Deleted = "object.deleted";

    /// <summary>The intent to create an object, journaled before the API call: <c>KIND.intended</c>.</summary>
    public static string Intended(string objectKind) => objectKind + ".intended";

    /// <summary>The object was created by this call: <c>KIND.created</c>.</summary>
    public static string Created(string objectKind) => objectKind + ".created";

    /// <summary>The object already existed (an earlier call's) and was adopted: <c>KIND.adopted</c>.</summary>
    public static string Adopted(string objectKind) => objectKind + ".adopted";

    /// <summary>The object kinds an evacuation creates.</summary>
    public static class Objects
    {
        /// <summary>A blank DataVolume in the target.</summary>
        public const string DataVolume = "datavolume";

        /// <summary>The receiver VM in the target.</summary>
        public const string ReceiverVm = "receiver-vm";

        /// <summary>The receiving VMIM in the target.</summary>
        public const string ReceiverVmim = "receiver-vmim";

        /// <summary>The sending VMIM in the source.</summary>
        public const string SourceVmim = "source-vmim";
    }
}
