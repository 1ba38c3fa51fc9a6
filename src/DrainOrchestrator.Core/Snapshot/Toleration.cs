namespace DrainOrchestrator.Core.Snapshot;

/// <summary>A pod toleration.</summary>
/// <param name="Key">The taint key it tolerates; empty with <see cref="TolerationOperator.Exists"/> tolerates every key.</param>
/// <param name="Operator">Equal or Exists.</param>
/// <param name="Value">The value compared under <see cref="TolerationOperator.Equal"/>.</param>
/// <param name="Effect">The effect it tolerates; null tolerates every effect.</param>
public sealed record Toleration(string Key, TolerationOperator Operator, string Value, TaintEffect? Effect)
{
    /// <summary>Whether this toleration covers <paramref name="taint"/>.</summary>
    public bool Tolerates(Taint taint)
    {
        ArgumentNullException.ThrowIfNull(taint);
        if (Effect is { } effect && effect != taint.Effect)
        {
            return false;
        }

        if (Key.Length == 0)
        {
            return Operator == TolerationOperator.Exists;
        }

        return string.Equals(Key, taint.Key, StringComparison.Ordinal)
            && (Operator == TolerationOperator.Exists || string.Equals(Value, taint.Value, StringComparison.Ordinal));
    }
}
