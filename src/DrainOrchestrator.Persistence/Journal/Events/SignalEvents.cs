using System.Text.Json.Serialization;
using DrainOrchestrator.Persistence.Drains;

namespace DrainOrchestrator.Persistence.Journal.Events;

/// <summary>An operator's signal moved the drain: one kind per signal (<c>signal.pause</c>, <c>signal.resume</c>, <c>signal.cancel</c>).</summary>
public abstract record DrainSignalled : JournalEvent
{
    private protected DrainSignalled(DrainSignal signal, DrainState from, DrainState to)
    {
        Signal = signal;
        From = from;
        To = to;
    }

    /// <summary>The signal (the kind says it; written in the payload as well, as it always was).</summary>
    [JsonConverter(typeof(CamelCaseEnumConverter<DrainSignal>))]
    public DrainSignal Signal { get; }

    /// <summary>The drain's state before.</summary>
    public DrainState From { get; }

    /// <summary>The drain's state after.</summary>
    public DrainState To { get; }

    /// <summary>The event of <paramref name="signal"/> moving the drain from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static DrainSignalled Of(DrainSignal signal, DrainState from, DrainState to) => signal switch
    {
        DrainSignal.Pause => new PauseSignalled(from, to),
        DrainSignal.Resume => new ResumeSignalled(from, to),
        DrainSignal.Cancel => new CancelSignalled(from, to),
        _ => throw new ArgumentOutOfRangeException(nameof(signal), signal, "not a signal"),
    };
}

/// <summary>An operator paused the drain.</summary>
[JournalEvent("signal.pause", 1)]
public sealed record PauseSignalled : DrainSignalled
{
    /// <summary>The pause, from and to the drain's states.</summary>
    public PauseSignalled(DrainState from, DrainState to)
        : base(DrainSignal.Pause, from, to)
    {
    }
}

/// <summary>An operator resumed the paused drain.</summary>
[JournalEvent("signal.resume", 1)]
public sealed record ResumeSignalled : DrainSignalled
{
    /// <summary>The resume, from and to the drain's states.</summary>
    public ResumeSignalled(DrainState from, DrainState to)
        : base(DrainSignal.Resume, from, to)
    {
    }
}

/// <summary>An operator cancelled the drain.</summary>
[JournalEvent("signal.cancel", 1)]
public sealed record CancelSignalled : DrainSignalled
{
    /// <summary>The cancel, from and to the drain's states.</summary>
    public CancelSignalled(DrainState from, DrainState to)
        : base(DrainSignal.Cancel, from, to)
    {
    }
}
