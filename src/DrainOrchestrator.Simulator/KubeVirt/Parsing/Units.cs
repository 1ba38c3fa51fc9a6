using DrainOrchestrator.Kubernetes.Models;

namespace DrainOrchestrator.Simulator.KubeVirt.Parsing;

/// <summary>Wire values (quantities, whole seconds, milliseconds) as model values, with range checks.</summary>
internal static class Units
{
    private static readonly long MaxSeconds = (long)TimeSpan.FromDays(3650).TotalSeconds;

    public static long? Bytes(Quantity? quantity, string field, List<(string Field, string Message)> problems)
    {
        if (quantity is null)
        {
            return null;
        }

        if (quantity.Value < 0 || quantity.Value > long.MaxValue)
        {
            problems.Add((field, $"{field} must be a non-negative quantity, was {quantity}"));
            return null;
        }

        return quantity.ToInt64();
    }

    public static TimeSpan? Seconds(long? seconds, string field, List<(string Field, string Message)> problems) =>
        Checked(seconds, field, problems, v => TimeSpan.FromSeconds(v));

    public static TimeSpan? Milliseconds(long? milliseconds, string field, List<(string Field, string Message)> problems) =>
        Checked(milliseconds, field, problems, v => TimeSpan.FromMilliseconds(v), scale: 1000);

    private static TimeSpan? Checked(long? value, string field, List<(string Field, string Message)> problems,
        Func<long, TimeSpan> convert, long scale = 1)
    {
        if (value is not { } v)
        {
            return null;
        }

        if (v <= 0 || v > MaxSeconds * scale)
        {
            problems.Add((field, $"{field} must be positive and at most ten years, was {v}"));
            return null;
        }

        return convert(v);
    }
}
