using System.Globalization;

namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>Kubernetes-style quantities ("8Gi", "512M"), bandwidths ("10Gbit", "1250Mi") and durations ("150s", "1m30s").</summary>
public static class Quantities
{
    private static readonly (string Suffix, double Factor)[] ByteSuffixes =
    [
        ("Ki", 1024d), ("Mi", 1024d * 1024), ("Gi", 1024d * 1024 * 1024), ("Ti", 1024d * 1024 * 1024 * 1024),
        ("Pi", 1024d * 1024 * 1024 * 1024 * 1024), ("k", 1e3), ("K", 1e3), ("M", 1e6), ("G", 1e9), ("T", 1e12), ("P", 1e15),
        (string.Empty, 1d),
    ];

    private static readonly (string Suffix, double Factor)[] BitSuffixes =
    [
        ("Tbit", 1e12), ("Gbit", 1e9), ("Mbit", 1e6), ("kbit", 1e3), ("Kbit", 1e3), ("Tbps", 1e12), ("Gbps", 1e9),
        ("Mbps", 1e6), ("kbps", 1e3), ("Kbps", 1e3), ("bit", 1), ("bps", 1),
    ];

    private static readonly (string Suffix, double Seconds)[] DurationUnits =
    [
        ("ms", 0.001), ("h", 3600), ("m", 60), ("s", 1),
    ];

    /// <summary>Parses a memory quantity into bytes.</summary>
    public static bool TryParseBytes(string? text, out long bytes)
    {
        bytes = 0;
        if (!TryScale(text, ByteSuffixes, out var value))
        {
            return false;
        }

        bytes = (long)Math.Round(value);
        return true;
    }

    /// <summary>Parses a bandwidth into bytes per second: a byte quantity, or bits with a bit/bps suffix.</summary>
    public static bool TryParseBandwidth(string? text, out long bytesPerSecond)
    {
        bytesPerSecond = 0;
        if (TryScale(text, BitSuffixes, out var bits) && !IsPlainNumber(text!))
        {
            bytesPerSecond = (long)Math.Round(bits / 8);
            return true;
        }

        return TryParseBytes(text, out bytesPerSecond);
    }

    /// <summary>Parses "300ms", "150s", "5m", "1h30m"; a plain number counts in <paramref name="plainUnit"/>.</summary>
    public static bool TryParseDuration(string? text, TimeSpan plainUnit, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var plain))
        {
            duration = plainUnit * plain;
            return plain >= 0;
        }

        var rest = text.AsSpan();
        var total = 0d;
        while (!rest.IsEmpty)
        {
            var digits = 0;
            while (digits < rest.Length && (char.IsAsciiDigit(rest[digits]) || rest[digits] == '.'))
            {
                digits++;
            }

            if (digits == 0 || !double.TryParse(rest[..digits], NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                return false;
            }

            rest = rest[digits..];
            var unit = -1;
            for (var i = 0; i < DurationUnits.Length && unit < 0; i++)
            {
                if (rest.StartsWith(DurationUnits[i].Suffix, StringComparison.Ordinal))
                {
                    unit = i;
                }
            }

            if (unit < 0)
            {
                return false;
            }

            total += number * DurationUnits[unit].Seconds;
            rest = rest[DurationUnits[unit].Suffix.Length..];
        }

        duration = TimeSpan.FromSeconds(total);
        return true;
    }

    private static bool IsPlainNumber(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    private static bool TryScale(string? text, (string Suffix, double Factor)[] suffixes, out double value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        foreach (var (suffix, factor) in suffixes)
        {
            if (!text.EndsWith(suffix, StringComparison.Ordinal))
            {
                continue;
            }

            var number = text[..^suffix.Length];
            if (number.Length > 0
                && double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed))
            {
                value = parsed * factor;
                return true;
            }
        }

        return false;
    }
}
