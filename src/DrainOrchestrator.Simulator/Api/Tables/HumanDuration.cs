using System.Globalization;

namespace DrainOrchestrator.Simulator.Api.Tables;

/// <summary>
/// An age as kubectl and kube-apiserver print it: precise while short (<c>45s</c>, <c>3m20s</c>, <c>5h10m</c>), coarser
/// as it grows (<c>3h</c>... <c>12d</c>, <c>3y40d</c>), <c>&lt;invalid&gt;</c> for a time in the future.
/// </summary>
internal static class HumanDuration
{
    public static string Since(DateTimeOffset timestamp, DateTimeOffset now) => Format(now - timestamp);

    public static string Format(TimeSpan age)
    {
        if (age < TimeSpan.FromSeconds(-1))
        {
            return "<invalid>";
        }

        if (age < TimeSpan.Zero)
        {
            return "0s";
        }

        var seconds = (long)age.TotalSeconds;
        var minutes = seconds / 60;
        var hours = minutes / 60;
        var days = hours / 24;
        return seconds switch
        {
            < 120 => Text($"{seconds}s"),
            _ when minutes < 10 => seconds % 60 == 0 ? Text($"{minutes}m") : Text($"{minutes}m{seconds % 60}s"),
            _ when minutes < 180 => Text($"{minutes}m"),
            _ when hours < 8 => minutes % 60 == 0 ? Text($"{hours}h") : Text($"{hours}h{minutes % 60}m"),
            _ when hours < 48 => Text($"{hours}h"),
            _ when hours < 24 * 8 => hours % 24 == 0 ? Text($"{days}d") : Text($"{days}d{hours % 24}h"),
            _ when days < 365 * 2 => Text($"{days}d"),
            _ when days < 365 * 8 => days % 365 == 0 ? Text($"{days / 365}y") : Text($"{days / 365}y{days % 365}d"),
            _ => Text($"{days / 365}y"),
        };
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
