using System.Text.Json.Serialization;
using DrainOrchestrator.Persistence.Drains;

namespace DrainOrchestrator.Persistence.Journal.Events;

/// <summary>The drain ended: one kind per final state (<c>drain.succeeded</c>, <c>drain.failed</c>, <c>drain.cancelled</c>).</summary>
public abstract record DrainFinished : JournalEvent
{
    private protected DrainFinished(DrainState state, string reason, bool uncordoned)
    {
        State = state;
        Reason = reason;
        Uncordoned = uncordoned;
    }

    /// <summary>The final state (the kind says it; not a payload field).</summary>
    [JsonIgnore]
    public DrainState State { get; }

    /// <summary>Why, in words.</summary>
    public string Reason { get; }

    /// <summary>Whether the drain uncordoned the nodes it had cordoned.</summary>
    public bool Uncordoned { get; }

    /// <summary>The end for the final <paramref name="state"/>.</summary>
    public static DrainFinished Of(DrainState state, string reason, bool uncordoned) => state switch
    {
        DrainState.Succeeded => new DrainSucceeded(reason, uncordoned),
        DrainState.Failed => new DrainFailed(reason, uncordoned),
        DrainState.Cancelled => new DrainCancelled(reason, uncordoned),
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "a drain ends succeeded, failed or cancelled"),
    };
}

/// <summary>Every VM the drain was to move left its nodes.</summary>
[JournalEvent("drain.succeeded", 1)]
public sealed record DrainSucceeded : DrainFinished
{
    /// <summary>The end, with why and whether nodes were uncordoned.</summary>
    public DrainSucceeded(string reason, bool uncordoned)
        : base(DrainState.Succeeded, reason, uncordoned)
    {
    }
}

/// <summary>The drain ended without succeeding.</summary>
[JournalEvent("drain.failed", 1)]
public sealed record DrainFailed : DrainFinished
{
    /// <summary>The end, with why and whether nodes were uncordoned.</summary>
    public DrainFailed(string reason, bool uncordoned)
        : base(DrainState.Failed, reason, uncordoned)
    {
    }
}

/// <summary>The drain ended by a cancel.</summary>
[JournalEvent("drain.cancelled", 1)]
public sealed record DrainCancelled : DrainFinished
{
    /// <summary>The end, with why and whether nodes were uncordoned.</summary>
    public DrainCancelled(string reason, bool uncordoned)
        : base(DrainState.Cancelled, reason, uncordoned)
    {
    }
}
