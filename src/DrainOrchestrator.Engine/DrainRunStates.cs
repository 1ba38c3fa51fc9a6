using DrainOrchestrator.Persistence.Drains;

namespace DrainOrchestrator.Engine;

/// <summary>The words of <see cref="DrainRunState"/> (a drain's state as recorded, or <c>interrupted</c>, <c>lost</c>), and where it comes from.</summary>
public static class DrainRunStates
{
    /// <summary>The run state of a drain in <paramref name="state"/>.</summary>
    public static DrainRunState Of(DrainState state) => state switch
    {
        DrainState.Pending => DrainRunState.Pending,
        DrainState.Running => DrainRunState.Running,
        DrainState.Paused => DrainRunState.Paused,
        DrainState.Suspended => DrainRunState.Suspended,
        DrainState.Cancelling => DrainRunState.Cancelling,
        DrainState.Succeeded => DrainRunState.Succeeded,
        DrainState.Failed => DrainRunState.Failed,
        DrainState.Cancelled => DrainRunState.Cancelled,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "not a drain state"),
    };

    /// <summary>The state in words, as drainctl prints it: the drain's recorded word, <c>interrupted</c> or <c>lost</c>.</summary>
    public static string ToText(this DrainRunState state) => state switch
    {
        DrainRunState.Interrupted => "interrupted",
        DrainRunState.Lost => "lost",
        _ => DrainFor(state).ToDatabase(),
    };

    /// <summary>Whether the drain is over (succeeded, failed or cancelled), as opposed to a run that stopped before its end.</summary>
    public static bool IsFinal(this DrainRunState state) => state is DrainRunState.Succeeded or DrainRunState.Failed or DrainRunState.Cancelled;

    private static DrainState DrainFor(DrainRunState state) => state switch
    {
        DrainRunState.Pending => DrainState.Pending,
        DrainRunState.Running => DrainState.Running,
        DrainRunState.Paused => DrainState.Paused,
        DrainRunState.Suspended => DrainState.Suspended,
        DrainRunState.Cancelling => DrainState.Cancelling,
        DrainRunState.Succeeded => DrainState.Succeeded,
        DrainRunState.Failed => DrainState.Failed,
        DrainRunState.Cancelled => DrainState.Cancelled,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "not a drain state"),
    };
}
