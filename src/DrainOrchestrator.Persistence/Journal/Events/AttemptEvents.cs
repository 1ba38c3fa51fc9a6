using System.Text.Json.Serialization;
using DrainOrchestrator.Persistence.Attempts;

namespace DrainOrchestrator.Persistence.Journal.Events;

/// <summary>
/// The intent of an attempt, journaled (with its row) before the act: a migration's VMIM is created, or a restart's VMI
/// deleted, only after this commits. A migration has a target, a wave and the post-copy flag; a restart has its kind,
/// the VMI's uid and run strategy. Fields a kind does not have are left out of the payload.
/// </summary>
/// <param name="Vmim">The attempt's deterministic name (the VMIM's, or a restart's identity).</param>
/// <param name="Vmi">namespace/name.</param>
/// <param name="Source">The node it leaves.</param>
/// <param name="Attempt">1-based attempt number.</param>
[JournalEvent("attempt.intended", 1)]
public sealed record AttemptIntended(string Vmim, string Vmi, string Source, int Attempt) : JournalEvent
{
    /// <summary>Migration or restart; written only for a restart.</summary>
    [JsonPropertyName("kind")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public AttemptKind AttemptKind { get; init; }

    /// <summary>A migration's pinned target.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Target { get; init; }

    /// <summary>A migration's planned wave.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Wave { get; init; }

    /// <summary>Whether the orchestrator's post-copy policy applies to a migration.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? PostCopy { get; init; }

    /// <summary>A restart's VMI uid (the only VMI it may delete).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Uid { get; init; }

    /// <summary>A restart's VM run strategy.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? RunStrategy { get; init; }
}

/// <summary>
/// An attempt recorded <c>not_created</c> whose VMIM the cluster shows after all: a create sent by an owner paused past
/// the fence's bound landed late. The record is reopened as created and followed like any other, so that it never
/// contradicts the cluster.
/// </summary>
/// <param name="Vmim">The VMIM's name.</param>
/// <param name="Uid">Its uid.</param>
/// <param name="Phase">Its phase when found.</param>
[JournalEvent("attempt.reopened", 1)]
public sealed record AttemptReopened(string Vmim, string? Uid, string? Phase) : JournalEvent;

/// <summary>The VMIM of an intended attempt already existed (a repeat after a crash) and was adopted.</summary>
/// <param name="Vmim">The VMIM's name.</param>
/// <param name="Uid">Its uid.</param>
[JournalEvent("attempt.adopted", 1)]
public sealed record AttemptAdopted(string Vmim, string? Uid) : JournalEvent;

/// <summary>The act of an intended attempt failed: the VMIM was not created (or a restart's VMI not deleted).</summary>
/// <param name="Vmim">The attempt's name.</param>
/// <param name="FailureClass">Core's FailureKind, by name.</param>
/// <param name="Reason">The failure in words.</param>
[JournalEvent("attempt.create_failed", 1)]
public sealed record AttemptCreateFailed(string Vmim, string FailureClass, string Reason) : JournalEvent
{
    /// <summary>Migration or restart; written only for a restart.</summary>
    [JsonPropertyName("kind")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public AttemptKind AttemptKind { get; init; }
}

/// <summary>
/// The infrastructure failed the create of an intended VMIM (the API server answered 5xx or timed out): whether it
/// exists is unknown, so the attempt stays intended and the same name is created (or adopted) again later. Not a
/// failure of the VM: it costs none of its attempts.
/// </summary>
/// <param name="Vmim">The VMIM's name.</param>
/// <param name="Reason">The API server's error in words.</param>
/// <param name="Try">How many creates of this name failed so far.</param>
/// <param name="RetryInSeconds">When the create is tried again.</param>
[JournalEvent("attempt.create_deferred", 1)]
public sealed record AttemptCreateDeferred(string Vmim, string Reason, int Try, double RetryInSeconds) : JournalEvent;

/// <summary>A restart stopped its VM: the VMI of the recorded uid was deleted (or was already gone).</summary>
/// <param name="Vmim">The restart's identity.</param>
/// <param name="Vmi">namespace/name.</param>
/// <param name="Uid">The deleted VMI's uid.</param>
/// <param name="Deleted">False when the VMI was already gone.</param>
[JournalEvent("attempt.vmi_deleted", 1)]
public sealed record AttemptVmiDeleted(string Vmim, string Vmi, string Uid, bool Deleted) : JournalEvent;

/// <summary>A cancel is about to delete an in-flight VMIM (journaled before the act).</summary>
/// <param name="Vmim">The VMIM's name.</param>
[JournalEvent("attempt.abort_requested", 1)]
public sealed record AttemptAbortRequested(string Vmim) : JournalEvent;
