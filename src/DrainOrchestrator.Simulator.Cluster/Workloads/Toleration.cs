namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>A pod toleration. A null <paramref name="Value"/> means operator Exists; a null key with Exists tolerates everything.</summary>
/// <param name="Key">The taint key tolerated, or null for every key.</param>
/// <param name="Value">The value that must match (operator Equal), or null for operator Exists.</param>
/// <param name="Effect">The effect tolerated, or null for every effect.</param>
public sealed record Toleration(string? Key, string? Value, TaintEffect? Effect)
{
    /// <summary>Whether this toleration tolerates <paramref name="taint"/>.</summary>
    public bool Tolerates(NodeTaint taint)
    {
        ArgumentNullException.ThrowIfNull(taint);
        if (Effect is { } effect && effect != taint.Effect)
        {
            return false;
        }

        if (Key is null)
        {
            return Value is null;
        }

        return string.Equals(Key, taint.Key, StringComparison.Ordinal)
            && (Value is null || string.Equals(Value, taint.Value, StringComparison.Ordinal));
    }
}
