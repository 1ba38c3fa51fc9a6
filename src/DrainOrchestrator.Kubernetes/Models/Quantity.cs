using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>
/// A Kubernetes resource quantity such as <c>4Gi</c>, <c>500m</c>, <c>64Mi</c> or <c>1e3</c>. Keeps the exact text it was
/// parsed from, so writing it back sends the same string; equality and ordering compare the numeric value.
/// </summary>
[JsonConverter(typeof(QuantityJsonConverter))]
public sealed partial class Quantity : IEquatable<Quantity>, IComparable<Quantity>
{
    private Quantity(string text, decimal value, QuantityFormat format)
    {
        Text = text;
        Value = value;
        Format = format;
    }

    /// <summary>The text as written, e.g. <c>4Gi</c>.</summary>
    public string Text { get; }

    /// <summary>The exact numeric value in base units (bytes, cores, bytes per second...).</summary>
    public decimal Value { get; }

    /// <summary>The suffix family of <see cref="Text"/>.</summary>
    public QuantityFormat Format { get; }

    /// <summary>The value rounded up to a whole number, as Kubernetes' <c>Value()</c> does.</summary>
    public long ToInt64() => checked((long)decimal.Ceiling(Value));

    /// <summary>Parses a quantity string; throws <see cref="FormatException"/> when it is not one.</summary>
    public static Quantity Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var quantity, out var error)
            ? quantity
            : throw new FormatException($"'{text}' is not a Kubernetes quantity: {error}.");
    }

    /// <summary>Parses a quantity string.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out Quantity? quantity)
        => TryParse(text, out quantity, out _);

    /// <summary>Creates a quantity for a value, written in the canonical form of <paramref name="format"/>.</summary>
    public static Quantity FromValue(decimal value, QuantityFormat format = QuantityFormat.DecimalSI)
        => new(QuantityFormatter.Format(value, format), value, format);

    /// <summary>Creates a byte quantity in binary SI form, e.g. 4294967296 becomes <c>4Gi</c>.</summary>
    public static Quantity FromBytes(long bytes) => FromValue(bytes, QuantityFormat.BinarySI);

    /// <inheritdoc />
    public override string ToString() => Text;

    /// <inheritdoc />
    public bool Equals(Quantity? other) => other is not null && Value == other.Value;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Quantity other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Value.GetHashCode();

    /// <inheritdoc />
    public int CompareTo(Quantity? other) => other is null ? 1 : Value.CompareTo(other.Value);

    /// <summary>Value equality.</summary>
    public static bool operator ==(Quantity? left, Quantity? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(Quantity? left, Quantity? right) => !(left == right);

    /// <summary>Value ordering.</summary>
    public static bool operator <(Quantity? left, Quantity? right) => Compare(left, right) < 0;

    /// <summary>Value ordering.</summary>
    public static bool operator <=(Quantity? left, Quantity? right) => Compare(left, right) <= 0;

    /// <summary>Value ordering.</summary>
    public static bool operator >(Quantity? left, Quantity? right) => Compare(left, right) > 0;

    /// <summary>Value ordering.</summary>
    public static bool operator >=(Quantity? left, Quantity? right) => Compare(left, right) >= 0;

    private static int Compare(Quantity? left, Quantity? right)
        => left is null ? (right is null ? 0 : -1) : left.CompareTo(right);
}
