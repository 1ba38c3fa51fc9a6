using System.Globalization;
using System.Text.Json.Serialization;

namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>
/// A field that holds an integer or a string (util/intstr IntOrString), e.g. a PodDisruptionBudget's
/// <c>maxUnavailable: 1</c> or <c>maxUnavailable: "25%"</c>.
/// </summary>
[JsonConverter(typeof(IntOrStringJsonConverter))]
public sealed record IntOrString
{
    private IntOrString(int? number, string? text)
    {
        Number = number;
        Text = text;
    }

    /// <summary>The integer, when the value is one.</summary>
    public int? Number { get; }

    /// <summary>The string, when the value is one (a percentage such as <c>25%</c>).</summary>
    public string? Text { get; }

    /// <summary>An integer value.</summary>
    public static IntOrString FromInt(int number) => new(number, null);

    /// <summary>A string value.</summary>
    public static IntOrString FromString(string text) => new(null, text ?? throw new ArgumentNullException(nameof(text)));

    /// <summary>The value as JSON shows it (a string unquoted).</summary>
    public override string ToString() => Text ?? Number!.Value.ToString(CultureInfo.InvariantCulture);
}
