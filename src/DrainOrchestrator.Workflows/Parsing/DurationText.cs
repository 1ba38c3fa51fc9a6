using System.Globalization;
using System.Text.RegularExpressions;

namespace DrainOrchestrator.Workflows.Parsing;

/// <summary>Durations as operators write them: <c>90s</c>, <c>5m</c>, <c>1h30m</c>, <c>2d</c>, <c>500ms</c>.</summary>
public static partial class DurationText
{
    /// <summary>The duration, or null when the text is not one.</summary>
    public static TimeSpan? Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text) || !Whole().IsMatch(text))
        {
            return null;
        }

        var total = TimeSpan.Zero;
        foreach (Match part in Part().Matches(text))
        {
            var value = double.Parse(part.Groups["n"].Value, CultureInfo.InvariantCulture);
            total += part.Groups["u"].Value switch
            {
                "ms" => TimeSpan.FromMilliseconds(value),
                "s" => TimeSpan.FromSeconds(value),
                "m" => TimeSpan.FromMinutes(value),
                "h" => TimeSpan.FromHours(value),
                _ => TimeSpan.FromDays(value),
            };
        }

        return total;
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
