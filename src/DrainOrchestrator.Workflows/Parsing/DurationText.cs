using System.Globalization;
using System.Text.RegularExpressions;

namespace DrainOrchestrator.Workflows.Parsing;

/// <summary>Durations as operators write them: <c>90s</c>, <c>5m</c>, <c>1h30m</c>, <c>2d</c>, <c>500ms</c>.</summary>
public static partial class DurationText
{
    /// <summary>The duration, or null when the text is not one (or too long for a <see cref="TimeSpan"/>).</summary>
    public static TimeSpan? Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text) || !Whole().IsMatch(text))
        {
            return null;
        }

        double seconds = 0;
        foreach (Match part in Part().Matches(text))
        {
            var value = double.Parse(part.Groups["n"].Value, CultureInfo.InvariantCulture);
            seconds += value * part.Groups["u"].Value switch
            {
                "ms" => 0.001,
                "s" => 1,
                "m" => 60,
                "h" => 3600,
                _ => 86400,
            };
        }

        // Beyond what a TimeSpan holds (about five million days) it is not a duration anyone means.
        return double.IsFinite(seconds) && seconds < TimeSpan.MaxValue.TotalSeconds / 2 ? TimeSpan.FromSeconds(seconds) : null;
    }

    /// <summary>The shortest text <see cref="Parse"/> reads back as <paramref name="value"/>.</summary>
    public static string Format(TimeSpan value)
    {
        if (value == TimeSpan.Zero)
        {
            return "0s";
        }

        var text = string.Empty;
        if (value.Days > 0)
        {
            text += value.Days.ToString(CultureInfo.InvariantCulture) + "d";
        }

        if (value.Hours > 0)
        {
            text += value.Hours.ToString(CultureInfo.InvariantCulture) + "h";
        }

        if (value.Minutes > 0)
        {
            text += value.Minutes.ToString(CultureInfo.InvariantCulture) + "m";
        }

        if (value.Seconds > 0)
        {
            text += value.Seconds.ToString(CultureInfo.InvariantCulture) + "s";
        }

        return value.Milliseconds > 0 ? text + value.Milliseconds.ToString(CultureInfo.InvariantCulture) + "ms" : text;
    }

    [GeneratedRegex(@"^(\d+(\.\d+)?(ms|s|m|h|d))+$")]
    private static partial Regex Whole();

    [GeneratedRegex(@"(?<n>\d+(\.\d+)?)(?<u>ms|s|m|h|d)")]
    private static partial Regex Part();
}
