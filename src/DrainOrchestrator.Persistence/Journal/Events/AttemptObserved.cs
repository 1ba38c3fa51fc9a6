using System.Text.Json.Serialization;
using DrainOrchestrator.Persistence.Attempts;

namespace DrainOrchestrator.Persistence.Journal.Events;

/// <summary>
/// An attempt's row took a new outcome: one kind per outcome (<c>attempt.created</c>, <c>attempt.running</c>,
/// <c>attempt.succeeded</c>, <c>attempt.failed</c>, <c>attempt.aborted</c>, <c>attempt.not_created</c>). Fields not
/// observed are left out of the payload.
/// </summary>
public abstract record AttemptObserved : JournalEvent
{
    private protected AttemptObserved(AttemptOutcome outcome, string vmim)
    {
        Outcome = outcome;
        Vmim = vmim;
    }

    /// <summary>The outcome recorded (the kind says it; not a payload field).</summary>
    [JsonIgnore]
    public AttemptOutcome Outcome { get; }

    /// <summary>The attempt's name (the VMIM's, or a restart's identity).</summary>
    public string Vmim { get; }

    /// <summary>Migration or restart; written only for a restart.</summary>
    [JsonPropertyName("kind")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public AttemptKind AttemptKind { get; init; }

    /// <summary>namespace/name.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Vmi { get; init; }

    /// <summary>Where a restarted VM runs again.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Target { get; init; }

    /// <summary>The migration mode observed (PreCopy, PostCopy, Paused).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Mode { get; init; }

    /// <summary>The target virt-handler's migration address of a succeeded migration.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? TargetAddress { get; init; }

    /// <summary>The dedicated migration network configured then (namespace/name).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? MigrationNetwork { get; init; }

    /// <summary>Whether the target address lies in that network's subnet.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? OnMigrationNetwork { get; init; }

    /// <summary>Core's FailureKind of a failure, by name.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? FailureClass { get; init; }

    /// <summary>The failure as observed.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? FailureReason { get; init; }

    /// <summary>The event that records <paramref name="outcome"/> for the attempt <paramref name="vmim"/>.</summary>
    public static AttemptObserved Of(AttemptOutcome outcome, string vmim) => outcome switch
    {
        AttemptOutcome.Created => new AttemptCreated(vmim),
        AttemptOutcome.Running => new AttemptRunning(vmim),
        AttemptOutcome.Succeeded => new AttemptSucceeded(vmim),
        AttemptOutcome.Failed => new AttemptFailed(vmim),
        AttemptOutcome.Aborted => new AttemptAborted(vmim),
        AttemptOutcome.NotCreated => new AttemptNotCreated(vmim),
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "an intent is journaled as attempt.intended"),
    };
}

/// <summary>The attempt's VMIM exists (for a restart: its VMI was deleted).</summary>
[JournalEvent("attempt.created", 1)]
public sealed record AttemptCreated : AttemptObserved
{
    /// <summary>The outcome for the attempt <paramref name="vmim"/>.</summary>
    public AttemptCreated(string vmim)
        : base(AttemptOutcome.Created, vmim)
    {
    }

    /// <summary>The VMIM's uid, when this process created it.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Uid { get; init; }
}

/// <summary>The attempt's memory transfer runs (for a restart: the VM's new VMI started).</summary>
[JournalEvent("attempt.running", 1)]
public sealed record AttemptRunning : AttemptObserved
{
    /// <summary>The outcome for the attempt <paramref name="vmim"/>.</summary>
    public AttemptRunning(string vmim)
        : base(AttemptOutcome.Running, vmim)
    {
    }
}

/// <summary>The attempt moved its VM.</summary>
[JournalEvent("attempt.succeeded", 1)]
public sealed record AttemptSucceeded : AttemptObserved
{
    /// <summary>The outcome for the attempt <paramref name="vmim"/>.</summary>
    public AttemptSucceeded(string vmim)
        : base(AttemptOutcome.Succeeded, vmim)
    {
    }
}

/// <summary>The attempt ended without moving its VM.</summary>
[JournalEvent("attempt.failed", 1)]
public sealed record AttemptFailed : AttemptObserved
{
    /// <summary>The outcome for the attempt <paramref name="vmim"/>.</summary>
    public AttemptFailed(string vmim)
        : base(AttemptOutcome.Failed, vmim)
    {
    }
}

/// <summary>The attempt was aborted (by a cancel, or its VMIM's abort).</summary>
[JournalEvent("attempt.aborted", 1)]
public sealed record AttemptAborted : AttemptObserved
{
    /// <summary>The outcome for the attempt <paramref name="vmim"/>.</summary>
    public AttemptAborted(string vmim)
        : base(AttemptOutcome.Aborted, vmim)
    {
    }
}

/// <summary>The attempt's VMIM was never created (found on recovery: the engine stopped between the intent and the act).</summary>
[JournalEvent("attempt.not_created", 1)]
public sealed record AttemptNotCreated : AttemptObserved
{
    /// <summary>The outcome for the attempt <paramref name="vmim"/>.</summary>
    public AttemptNotCreated(string vmim)
        : base(AttemptOutcome.NotCreated, vmim)
    {
    }
}
