using System.Globalization;

namespace DrainOrchestrator.Simulator.Admin.Faults;

/// <summary>Parses and formats durations written as <c>500ms</c>, <c>2s</c>, <c>1.5m</c>, <c>1h</c>.</summary>
public static class Durations
{
    private static readonly (string Unit, double Milliseconds)[] Units = [("ms", 1), ("s", 1000), ("m", 60_000), ("h", 3_600_000)];

    /// <summary>Parses a duration; false when malformed or negative.</summary>
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        foreach (var (unit, milliseconds) in Units)
        {
            if (text.EndsWith(unit, StringComparison.Ordinal)
                && double.TryParse(text[..^unit.Length], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
                && (unit != "m" || !text.EndsWith("ms", StringComparison.Ordinal)))
            {
                duration = TimeSpan.FromMilliseconds(value * milliseconds);
                return true;
            }
        }

        return false;
    }

    /// <summary>Formats a duration in the largest exact unit of <c>ms</c> and <c>s</c>.</summary>
    public static string Format(TimeSpan duration) =>
        duration.Milliseconds == 0 && duration.Ticks % TimeSpan.TicksPerMillisecond == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{duration.TotalSeconds}s")
            : string.Create(CultureInfo.InvariantCulture, $"{duration.TotalMilliseconds}ms");
}
