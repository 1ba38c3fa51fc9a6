using DrainOrchestrator.Kubernetes.Models;

namespace DrainOrchestrator.Engine.Cluster;

/// <summary>Reads one rate annotation: a positive quantity of bytes per second, or a problem saying why it is not one.</summary>
internal static class HintReader
{
    /// <summary>
    /// The rate written under <paramref name="key"/>; null when absent or unusable, and then <paramref name="problem"/>
    /// says why (null when simply absent), naming the object as <paramref name="kind"/> <paramref name="name"/>.
    /// </summary>
    public static long? Read(IReadOnlyDictionary<string, string>? annotations, string key, string kind, string name, string example,
        out string? problem)
    {
        problem = null;
        if (annotations is null || !annotations.TryGetValue(key, out var text))
        {
            return null;
        }

        var subject = kind + " " + name;

        if (!Quantity.TryParse(text.Trim(), out var quantity))
        {
            problem = $"{subject}: annotation {key} '{text}' is not a quantity of bytes per second such as {example}";
            return null;
        }

        if (quantity.Value <= 0)
        {
            problem = $"{subject}: annotation {key} '{text}' is not positive; give bytes per second such as {example}";
            return null;
        }

        if (quantity.Value > long.MaxValue)
        {
            problem = $"{subject}: annotation {key} '{text}' is too large for bytes per second; give one such as {example}";
            return null;
        }

        return quantity.ToInt64();
    }

    /// <summary>Whether <paramref name="annotations"/> holds <paramref name="key"/> at all.</summary>
    public static bool Has(IReadOnlyDictionary<string, string>? annotations, string key) =>
        annotations is not null && annotations.ContainsKey(key);
}
