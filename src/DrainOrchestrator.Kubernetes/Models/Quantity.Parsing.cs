using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>Parsing of the quantity grammar: sign, digits with an optional fraction, then a suffix.</summary>
public sealed partial class Quantity
{
    private static readonly string[] BinarySuffixes = ["Ki", "Mi", "Gi", "Ti", "Pi", "Ei"];

    private static bool TryParse(
        [NotNullWhen(true)] string? text,
        [NotNullWhen(true)] out Quantity? quantity,
        out string error)
    {
        quantity = null;
        if (string.IsNullOrEmpty(text))
        {
            error = "it is empty";
            return false;
        }

        var end = ScanNumber(text);
        if (end < 0)
        {
            error = "it does not start with a number";
            return false;
        }

        // More integer digits than a decimal holds (about 29) cannot be any real quantity: refused, not an overflow.
        if (!decimal.TryParse(text.AsSpan(0, end), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
            CultureInfo.InvariantCulture, out var number))
        {
            error = "its number is too large";
            return false;
        }

        var suffix = text.AsSpan(end);
        if (!TryScale(number, suffix, out var value, out var format, out error))
        {
            return false;
        }

        quantity = new Quantity(text, value, format);
        return true;
    }

    // Returns the index after "[+-]digits[.digits]", or -1 when there is no digit at all.
    private static int ScanNumber(string text)
    {
        var i = text[0] is '+' or '-' ? 1 : 0;
        var digits = 0;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
            digits++;
        }

        if (i < text.Length && text[i] == '.')
        {
            i++;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
                digits++;
            }
        }

        return digits == 0 ? -1 : i;
    }

    private static bool TryScale(decimal number, ReadOnlySpan<char> suffix, out decimal value, out QuantityFormat format,
        out string error)
    {
        value = 0;
        error = "";
        try
        {
            var binary = Array.IndexOf(BinarySuffixes, suffix.ToString());
            if (binary >= 0)
            {
                format = QuantityFormat.BinarySI;
                value = number * Pow(1024, binary + 1);
                return true;
            }

            if (suffix.Length > 1 && suffix[0] is 'e' or 'E')
            {
                format = QuantityFormat.DecimalExponent;
                if (!int.TryParse(suffix[1..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var exponent)
                    || Math.Abs(exponent) > 28)
                {
                    error = $"the exponent '{suffix[1..]}' is not a number in -28..28";
                    return false;
                }

                value = ScaleByPowerOfTen(number, exponent);
                return true;
            }

            format = QuantityFormat.DecimalSI;
            var decimalExponent = DecimalSuffixExponent(suffix);
            if (decimalExponent is null)
            {
                error = $"the suffix '{suffix}' is unknown";
                return false;
            }

            value = ScaleByPowerOfTen(number, decimalExponent.Value);
            return true;
        }
        catch (OverflowException)
        {
            format = default;
            error = "it is out of range";
            return false;
        }
    }

    private static int? DecimalSuffixExponent(ReadOnlySpan<char> suffix) => suffix switch
    {
        "" => 0,
        "n" => -9,
        "u" => -6,
        "m" => -3,
        "k" => 3,
        "M" => 6,
        "G" => 9,
        "T" => 12,
        "P" => 15,
        "E" => 18,
        _ => null,
    };

    private static decimal ScaleByPowerOfTen(decimal number, int exponent)
        => exponent >= 0 ? number * Pow(10, exponent) : number / Pow(10, -exponent);

    private static decimal Pow(int radix, int exponent)
    {
        var result = 1m;
        for (var i = 0; i < exponent; i++)
        {
            result = checked(result * radix);
        }

        return result;
    }
}
