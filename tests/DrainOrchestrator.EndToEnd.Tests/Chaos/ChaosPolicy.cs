namespace DrainOrchestrator.EndToEnd.Tests.Chaos;

/// <summary>
/// The drain policy a run's engines use. <see cref="Tuned"/>: 5 attempts, 1 s backoff (the campaign's first policy,
/// quick to recover); <see cref="Default"/>: drainctl's defaults, 3 attempts and 20 s backoff, as an operator who sets
/// nothing runs it. The campaign alternates them by run number (odd runs tuned, even runs default).
/// </summary>
internal enum ChaosPolicy
{
    Tuned,
    Default,
}

internal static class ChaosPolicies
{
    /// <summary>The policy's name in results and in <c>DRAIN_CHAOS_POLICY</c>.</summary>
    public static string Name(this ChaosPolicy policy) => policy == ChaosPolicy.Tuned ? "tuned" : "default";

    /// <summary>The <c>drainctl drain</c> options that choose it (none for the default).</summary>
    public static IReadOnlyList<string> DrainArguments(this ChaosPolicy policy) =>
        policy == ChaosPolicy.Tuned ? ["--retry-backoff-seconds", "1", "--max-attempts", "5"] : [];
}
