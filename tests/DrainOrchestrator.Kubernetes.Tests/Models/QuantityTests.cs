using System.Text.Json;
using DrainOrchestrator.Kubernetes.Models;

namespace DrainOrchestrator.Kubernetes.Tests.Models;

public sealed class QuantityTests
{
    [Theory]
    [InlineData("4Gi", 4294967296, QuantityFormat.BinarySI)]
    [InlineData("64Mi", 67108864, QuantityFormat.BinarySI)]
    [InlineData("1Ki", 1024, QuantityFormat.BinarySI)]
    [InlineData("1Ei", 1152921504606846976, QuantityFormat.BinarySI)]
    [InlineData("500m", 0.5, QuantityFormat.DecimalSI)]
    [InlineData("2", 2, QuantityFormat.DecimalSI)]
    [InlineData("1k", 1000, QuantityFormat.DecimalSI)]
    [InlineData("3G", 3000000000, QuantityFormat.DecimalSI)]
    [InlineData("250n", 0.00000025, QuantityFormat.DecimalSI)]
    [InlineData("1e3", 1000, QuantityFormat.DecimalExponent)]
    [InlineData("1.5E-3", 0.0015, QuantityFormat.DecimalExponent)]
    [InlineData("1E", 1000000000000000000, QuantityFormat.DecimalSI)]
    [InlineData("-0.5Gi", -536870912, QuantityFormat.BinarySI)]
    [InlineData("+.5", 0.5, QuantityFormat.DecimalSI)]
    [InlineData("1.", 1, QuantityFormat.DecimalSI)]
    public void Parse_ValidText_GivesValueFormatAndSameText(string text, decimal value, QuantityFormat format)
    {
        var quantity = Quantity.Parse(text);

        Assert.Equal(value, quantity.Value);
        Assert.Equal(format, quantity.Format);
        Assert.Equal(text, quantity.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("Gi")]
    [InlineData("4GB")]
    [InlineData("4 Gi")]
    [InlineData("1e")]
    [InlineData("1ex")]
    [InlineData("--1")]
    [InlineData("1e99")]
    [InlineData("99999999999999999999Ei")]
    [InlineData("99999999999999999999999999999999999999999Ei")]
    [InlineData("99999999999999999999999999999999999999999")]
    public void TryParse_InvalidText_ReturnsFalse(string text)
        => Assert.False(Quantity.TryParse(text, out _));

    [Fact]
    public void Parse_InvalidText_ThrowsFormatExceptionNamingText()
    {
        var ex = Assert.Throws<FormatException>(() => Quantity.Parse("4GB"));
        Assert.Contains("4GB", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(4294967296, QuantityFormat.BinarySI, "4Gi")]
    [InlineData(1536, QuantityFormat.BinarySI, "1536")]
    [InlineData(3145728, QuantityFormat.BinarySI, "3Mi")]
    [InlineData(1000, QuantityFormat.BinarySI, "1k")]
    [InlineData(1500, QuantityFormat.DecimalSI, "1500")]
    [InlineData(2000000, QuantityFormat.DecimalSI, "2M")]
    [InlineData(0.1, QuantityFormat.DecimalSI, "100m")]
    [InlineData(0, QuantityFormat.DecimalSI, "0")]
    [InlineData(5000, QuantityFormat.DecimalExponent, "5e3")]
    public void FromValue_Value_WritesCanonicalText(decimal value, QuantityFormat format, string expected)
    {
        var quantity = Quantity.FromValue(value, format);

        Assert.Equal(expected, quantity.Text);
        Assert.Equal(value, Quantity.Parse(quantity.Text).Value);
    }

    [Fact]
    public void Equality_SameValueDifferentText_AreEqualButKeepText()
    {
        var binary = Quantity.Parse("1Ki");
        var plain = Quantity.Parse("1024");

        Assert.Equal(binary, plain);
        Assert.True(binary == plain);
        Assert.Equal(binary.GetHashCode(), plain.GetHashCode());
        Assert.NotEqual(binary.Text, plain.Text);
        Assert.True(Quantity.Parse("1Gi") > Quantity.Parse("1G"));
    }

    [Fact]
    public void ToInt64_Fraction_RoundsUpLikeKubernetes()
        => Assert.Equal(1, Quantity.Parse("100m").ToInt64());

    [Fact]
    public void Json_StringAndBareNumber_RoundTripOriginalText()
    {
        var fromString = JsonSerializer.Deserialize("\"1.5Gi\"", KubernetesJsonContext.Default.Quantity)!;
        var fromNumber = JsonSerializer.Deserialize("2e3", KubernetesJsonContext.Default.Quantity)!;

        Assert.Equal("\"1.5Gi\"", JsonSerializer.Serialize(fromString, KubernetesJsonContext.Default.Quantity));
        Assert.Equal("\"2e3\"", JsonSerializer.Serialize(fromNumber, KubernetesJsonContext.Default.Quantity));
        Assert.Equal(2000m, fromNumber.Value);
    }

    [Fact]
    public void Json_InvalidQuantity_ThrowsJsonException()
        => Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("\"lots\"", KubernetesJsonContext.Default.Quantity));
}
