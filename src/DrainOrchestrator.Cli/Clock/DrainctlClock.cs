using System.Globalization;

namespace DrainOrchestrator.Cli.Clock;

/// <summary>
/// The wall clock of every drainctl command, chosen once from the environment. A test knob, not an operator setting:
/// <c>DRAIN_CLOCK_OFFSET_SECONDS</c> sets this process's clock off by that many seconds (e.g. <c>-20</c>), and
/// <c>DRAIN_CLOCK_STEP_SECONDS</c> with <c>DRAIN_CLOCK_STEP_AFTER_SECONDS</c> steps it once more by that much after
/// that long (e.g. <c>-30</c> after <c>5</c>: a clock that jumps back mid-run). The fault campaign runs engines whose
/// clocks disagree with each other and with PostgreSQL's this way. Unset, it is the system clock.
/// </summary>
internal static class DrainctlClock
{
    public const string OffsetVariable = "DRAIN_CLOCK_OFFSET_SECONDS";
    public const string StepVariable = "DRAIN_CLOCK_STEP_SECONDS";
    public const string StepAfterVariable = "DRAIN_CLOCK_STEP_AFTER_SECONDS";

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

        if (problems.Count > 0 || (offset == TimeSpan.Zero && step == TimeSpan.Zero))
        {
            return (TimeProvider.System, problems);
        }

        return (new OffsetTimeProvider(TimeProvider.System, offset, after, step), problems);
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
