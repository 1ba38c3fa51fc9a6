using System.Globalization;

namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>Writes a value in the canonical text of a quantity format (largest suffix that keeps an integer mantissa).</summary>
internal static class QuantityFormatter
{
    private static readonly (string Suffix, int Exponent)[] DecimalSuffixes =
    [
        ("E", 18), ("P", 15), ("T", 12), ("G", 9), ("M", 6), ("k", 3), ("", 0), ("m", -3), ("u", -6), ("n", -9),
    ];

    private static readonly string[] BinarySuffixes = ["Ei", "Pi", "Ti", "Gi", "Mi", "Ki"];

    public static string Format(decimal value, QuantityFormat format)
    {
        if (value == 0)
        {
            return "0";
        }

        if (format == QuantityFormat.BinarySI && decimal.Truncate(value) == value && Math.Abs(value) >= 1024)
        {
            for (var i = 0; i < BinarySuffixes.Length; i++)
            {
                var unit = Pow(1024, BinarySuffixes.Length - i);
                if (value % unit == 0)
                {
                    return Invariant(value / unit) + BinarySuffixes[i];
                }
            }
        }

        // Below the smallest unit Kubernetes rounds up to a whole nano unit.
        var scaled = decimal.Ceiling(value * 1_000_000_000m) / 1_000_000_000m;
        foreach (var (suffix, exponent) in DecimalSuffixes)
        {
            var mantissa = exponent >= 0 ? scaled / Pow(10, exponent) : scaled * Pow(10, -exponent);
            if (decimal.Truncate(mantissa) == mantissa)
            {
                return format == QuantityFormat.DecimalExponent
                    ? Invariant(mantissa) + (exponent == 0 ? "" : "e" + exponent.ToString(CultureInfo.InvariantCulture))
                    : Invariant(mantissa) + suffix;
            }
        }

        return Invariant(scaled);
    }

    private static string Invariant(decimal value) => decimal.Truncate(value).ToString(CultureInfo.InvariantCulture);

    private static decimal Pow(int radix, int exponent)
    {
        var result = 1m;
        for (var i = 0; i < exponent; i++)
        {
            result *= radix;
        }

        return result;
    }
}
