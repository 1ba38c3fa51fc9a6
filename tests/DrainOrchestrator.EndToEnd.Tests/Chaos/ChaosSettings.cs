using System.Globalization;

namespace DrainOrchestrator.EndToEnd.Tests.Chaos;

/// <summary>
/// The campaign's knobs, from the environment: <c>DRAIN_CHAOS_RUNS</c> (runs per fault kind, default 1: the short run
/// of the ordinary test suite), <c>DRAIN_CHAOS_RESULTS</c> (a file that gets one JSON line per run) and
/// <c>DRAIN_CHAOS_SEED</c> (the seed of the first run, to repeat a reported one; later runs count up from it),
/// <c>DRAIN_CHAOS_POLICY</c> (<c>tuned</c> or <c>default</c>: every run with that policy, to repeat a reported run;
/// unset, runs alternate, odd tuned and even default) and <c>DRAIN_CHAOS_PARTITION_SECONDS</c> (<c>MIN-MAX</c>, how
/// long the api-partition kind cuts the engine off the API server; <c>scripts/chaos.sh</c> sets the campaign's 60-120,
/// and unset it is 8-15 so that the ordinary test suite's single run stays short) and <c>DRAIN_CHAOS_CHANGE</c> (a
/// <see cref="MidDrainChange"/> by name, e.g. <c>LimitLowered</c>: the mid-drain-changes kind makes only that change),
/// <c>DRAIN_CHAOS_SHARD</c> (<c>J/N</c>: this process runs only the run numbers <c>r</c> with <c>(r - 1) mod N = J - 1</c>,
/// so that N processes side by side share a campaign, each run keeping its number, seed and policy) and
/// <c>DRAIN_CHAOS_COMMIT</c> (the commit under test, written into each result line).
/// </summary>
internal static class ChaosSettings
{
    public const string RunsVariable = "DRAIN_CHAOS_RUNS";
    public const string ResultsVariable = "DRAIN_CHAOS_RESULTS";
    public const string SeedVariable = "DRAIN_CHAOS_SEED";
    public const string PolicyVariable = "DRAIN_CHAOS_POLICY";
    public const string PartitionVariable = "DRAIN_CHAOS_PARTITION_SECONDS";
    public const string ChangeVariable = "DRAIN_CHAOS_CHANGE";
    public const string ShardVariable = "DRAIN_CHAOS_SHARD";
    public const string CommitVariable = "DRAIN_CHAOS_COMMIT";

    public static int Runs =>
        int.TryParse(Environment.GetEnvironmentVariable(RunsVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var runs) && runs > 0
            ? runs
            : 1;

    /// <summary>The commit under test, as <c>scripts/chaos.sh</c> names it; null when run otherwise.</summary>
    public static string? Commit =>
        Environment.GetEnvironmentVariable(CommitVariable) is { Length: > 0 } commit ? commit : null;

    /// <summary>This process's share of the run numbers: its 1-based index among <c>Count</c> processes.</summary>
    public static (int Index, int Count) Shard
    {
        get
        {
            var text = Environment.GetEnvironmentVariable(ShardVariable);
            if (string.IsNullOrEmpty(text))
            {
                return (1, 1);
            }

            var parts = text.Split('/');
            return parts.Length == 2
                && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count) && index >= 1 && index <= count
                ? (index, count)
                : throw new InvalidOperationException($"{ShardVariable} must be J/N in whole numbers, 1 <= J <= N, e.g. 2/3; was \"{text}\"");
        }
    }

    /// <summary>Whether run <paramref name="run"/> (1-based) is this process's to run (<see cref="Shard"/>).</summary>
    public static bool IsMine(int run) => (run - 1) % Shard.Count == Shard.Index - 1;

    public static string? ResultsFile =>
        Environment.GetEnvironmentVariable(ResultsVariable) is { Length: > 0 } path ? path : null;

    /// <summary>The seed of run <paramref name="run"/> (1-based): the given first seed counted up, or a fresh random one.</summary>
    public static int SeedFor(int run) =>
        int.TryParse(Environment.GetEnvironmentVariable(SeedVariable), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var first)
            ? unchecked(first + run - 1)
            : Random.Shared.Next(1, int.MaxValue);

    /// <summary>The policy of run <paramref name="run"/> (1-based).</summary>
    public static ChaosPolicy PolicyFor(int run) => Environment.GetEnvironmentVariable(PolicyVariable) switch
    {
        "tuned" => ChaosPolicy.Tuned,
        "default" => ChaosPolicy.Default,
        null or "" => run % 2 == 1 ? ChaosPolicy.Tuned : ChaosPolicy.Default,
        var other => throw new InvalidOperationException($"{PolicyVariable} must be tuned or default, was \"{other}\""),
    };

    /// <summary>The shortest and longest API partition, in seconds.</summary>
    public static (int Min, int Max) PartitionSeconds
    {
        get
        {
            var text = Environment.GetEnvironmentVariable(PartitionVariable);
            if (string.IsNullOrEmpty(text))
            {
                return (8, 15);
            }

            var parts = text.Split('-');
            return parts.Length == 2
                && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var min)
                && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var max) && min >= 1 && max >= min
                ? (min, max)
                : throw new InvalidOperationException($"{PartitionVariable} must be MIN-MAX in whole seconds, 1 <= MIN <= MAX, e.g. 60-120; was \"{text}\"");
        }
    }

    /// <summary>The change the mid-drain-changes kind is held to; null to choose one per run from its seed.</summary>
    public static MidDrainChange? ForcedChange => Environment.GetEnvironmentVariable(ChangeVariable) switch
    {
        null or "" => null,
        var name when Enum.TryParse<MidDrainChange>(name, ignoreCase: true, out var change) && Enum.IsDefined(change) => change,
        var other => throw new InvalidOperationException(
            $"{ChangeVariable} must be one of {string.Join(", ", Enum.GetNames<MidDrainChange>())}, was \"{other}\""),
    };
}
