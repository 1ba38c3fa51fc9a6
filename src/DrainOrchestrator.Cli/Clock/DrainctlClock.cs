using System.Globalization;
using DrainOrchestrator.Application.Clock;

namespace DrainOrchestrator.Cli.Clock;

/// <summary>
/// The wall clock of every drainctl command, chosen once from the environment. A test knob, not an operator setting:
/// <c>DRAIN_CLOCK_OFFSET_SECONDS</c> sets this process's clock off by that many seconds (e.g. <c>-20</c>), and
/// <c>DRAIN_CLOCK_STEP_SECONDS</c> with <c>DRAIN_CLOCK_STEP_AFTER_SECONDS</c> steps it once more by that much after
/// that long (e.g. <c>-30</c> after <c>5</c>: a clock that jumps back mid-run). The fault campaign runs engines whose
/// clocks disagree with each other and with PostgreSQL's this way. <c>DRAIN_CLOCK_SPEED</c> (at least 1) runs the clock
/// and its timers that many times as fast (<see cref="ClusterTimeProvider"/>), so that the engine reasons in the model
/// time of a simulated cluster served at <c>drain-sim --speed N</c>; <c>DRAIN_CLOCK_ORIGIN</c> (an ISO 8601 instant,
/// drain-sim's ground truth <c>startedAt</c>) is when that model clock read the wall clock's time, so engine time and
/// cluster time agree and not only run at the same rate (unset: this process's start). An offset applies on top.
/// Unset, it is the system clock.
/// </summary>
internal static class DrainctlClock
{
    public const string OffsetVariable = "DRAIN_CLOCK_OFFSET_SECONDS";
    public const string StepVariable = "DRAIN_CLOCK_STEP_SECONDS";
    public const string StepAfterVariable = "DRAIN_CLOCK_STEP_AFTER_SECONDS";
    public const string SpeedVariable = "DRAIN_CLOCK_SPEED";
    public const string OriginVariable = "DRAIN_CLOCK_ORIGIN";

    /// <summary>The fastest clock the speed knob allows (drain-sim allows more, but the engine's work must keep up).</summary>
    public const double MaxSpeed = 1_000;

    private static readonly Lazy<(TimeProvider Clock, IReadOnlyList<string> Problems)> Chosen = new(() => Choose(Environment.GetEnvironmentVariable));

    /// <summary>The clock (the system clock when the knobs are unset or wrong; <see cref="Problems"/> says what is wrong).</summary>
    public static TimeProvider Current => Chosen.Value.Clock;

    /// <summary>Every problem with the knobs, each naming the variable and what it must be; empty when they are fine.</summary>
    public static IReadOnlyList<string> Problems => Chosen.Value.Problems;

    /// <summary>Chooses the clock from <paramref name="read"/> (an environment).</summary>
    public static (TimeProvider Clock, IReadOnlyList<string> Problems) Choose(Func<string, string?> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var problems = new List<string>();
        var offset = Seconds(read, OffsetVariable, problems, allowNegative: true);
        var step = Seconds(read, StepVariable, problems, allowNegative: true);
        var after = Seconds(read, StepAfterVariable, problems, allowNegative: false);
        if (step != TimeSpan.Zero && read(StepAfterVariable) is null)
        {
            problems.Add($"{StepVariable} needs {StepAfterVariable} (when to step, in seconds from the start)");
        }

        var speed = Speed(read, problems);
        var origin = Origin(read, problems);
        if (origin is not null && speed is null)
        {
            problems.Add($"{OriginVariable} needs {SpeedVariable} (the speed of the model clock that started then)");
        }

        if (problems.Count > 0)
        {
            return (TimeProvider.System, problems);
        }

        var clock = speed is { } n ? new ClusterTimeProvider(TimeProvider.System, n, origin) : TimeProvider.System;
        return offset == TimeSpan.Zero && step == TimeSpan.Zero ? (clock, problems) : (new OffsetTimeProvider(clock, offset, after, step), problems);
    }

    private static double? Speed(Func<string, string?> read, List<string> problems)
    {
        if (read(SpeedVariable) is not { Length: > 0 } text)
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var speed) && double.IsFinite(speed)
            && speed >= 1 && speed <= MaxSpeed)
        {
            return speed;
        }

        problems.Add($"{SpeedVariable} must be a number from 1 to {MaxSpeed.ToString(CultureInfo.InvariantCulture)} (model seconds per wall-clock "
            + $"second, as drain-sim's --speed; never below 1, so no deadline fires later than in wall time), was \"{text}\" "
            + "(a test knob: unset it to use the system clock)");
        return null;
    }

    private static DateTimeOffset? Origin(Func<string, string?> read, List<string> problems)
    {
        if (read(OriginVariable) is not { Length: > 0 } text)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var origin))
        {
            return origin.ToUniversalTime();
        }

        problems.Add($"{OriginVariable} must be an ISO 8601 instant such as 2026-12-05T12:00:00.000Z (when the cluster's model clock "
            + $"started: drain-sim's ground truth startedAt), was \"{text}\" (a test knob: unset it, with {SpeedVariable}, to use the system clock)");
        return null;
    }

    private static TimeSpan Seconds(Func<string, string?> read, string variable, List<string> problems, bool allowNegative)
    {
        if (read(variable) is not { Length: > 0 } text)
        {
            return TimeSpan.Zero;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && double.IsFinite(seconds)
            && (allowNegative || seconds >= 0) && Math.Abs(seconds) <= 86_400)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        problems.Add($"{variable} must be a number of seconds{(allowNegative ? "" : " of 0 or more")}, at most a day either way, was \"{text}\" "
            + "(a test knob: unset it to use the system clock)");
        return TimeSpan.Zero;
    }
}
