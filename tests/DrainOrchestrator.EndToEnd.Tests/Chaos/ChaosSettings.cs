using System.Globalization;

namespace DrainOrchestrator.EndToEnd.Tests.Chaos;

/// <summary>
/// The campaign's knobs, from the environment: <c>DRAIN_CHAOS_RUNS</c> (runs per fault kind, default 1: the short run
/// of the ordinary test suite), <c>DRAIN_CHAOS_RESULTS</c> (a file that gets one JSON line per run) and
/// <c>DRAIN_CHAOS_SEED</c> (the seed of the first run, to repeat a reported one; later runs count up from it).
/// </summary>
internal static class ChaosSettings
{
    public const string RunsVariable = "DRAIN_CHAOS_RUNS";
    public const string ResultsVariable = "DRAIN_CHAOS_RESULTS";
    public const string SeedVariable = "DRAIN_CHAOS_SEED";

    public static int Runs =>
        int.TryParse(Environment.GetEnvironmentVariable(RunsVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var runs) && runs > 0
            ? runs
            : 1;

    public static string? ResultsFile =>
        Environment.GetEnvironmentVariable(ResultsVariable) is { Length: > 0 } path ? path : null;

    /// <summary>The seed of run <paramref name="run"/> (1-based): the given first seed counted up, or a fresh random one.</summary>
    public static int SeedFor(int run) =>
        int.TryParse(Environment.GetEnvironmentVariable(SeedVariable), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var first)
            ? unchecked(first + run - 1)
            : Random.Shared.Next(1, int.MaxValue);
}
