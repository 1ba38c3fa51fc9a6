using System.Text.Json;
using System.Text.Json.Serialization;

namespace DrainOrchestrator.EndToEnd.Tests.Chaos;

/// <summary>
/// The judgement of one run. <see cref="Duplicates"/>, <see cref="LostRecords"/> and <see cref="LimitViolations"/> count
/// individual findings (each is explained in <see cref="Problems"/>); a clean run has all three at 0, completed, and no
/// other problem.
/// </summary>
internal sealed record ChaosVerdict
{
    private static readonly JsonSerializerOptions LineOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public required string Kind { get; init; }

    public required int Run { get; init; }

    public required int Seed { get; init; }

    public required bool Completed { get; init; }

    public required int Duplicates { get; init; }

    public required int LostRecords { get; init; }

    public required int LimitViolations { get; init; }

    public string? GuestOutcome { get; init; }

    public required double DurationSeconds { get; init; }

    public required bool FaultHit { get; init; }

    /// <summary>False when the run broke off before it could be judged: its counts are then unknown, not zero.</summary>
    public bool Judged { get; init; } = true;

    public string? DrainState { get; init; }

    public int Migrations { get; init; }

    public string? GuestDetail { get; init; }

    public IReadOnlyList<string> Problems { get; init; } = [];

    [JsonIgnore]
    public bool Clean => Judged && Completed && Duplicates == 0 && LostRecords == 0 && LimitViolations == 0 && Problems.Count == 0;

    /// <summary>The run as one JSON line: the counted fields first, the explanations last.</summary>
    public string ToJsonLine() => JsonSerializer.Serialize(this, LineOptions);

    [JsonIgnore]
    public string Summary =>
        $"{Kind} run {Run} (seed {Seed}): completed {Completed}, duplicates {Duplicates}, lost records {LostRecords}, "
        + $"limit violations {LimitViolations}, fault hit {FaultHit}, drain {DrainState}, {Migrations} VMIM(s), {DurationSeconds:0.0} s"
        + (GuestOutcome is null ? string.Empty : $", guest: {GuestDetail ?? GuestOutcome}");
}
