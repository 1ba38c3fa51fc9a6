using System.Text.Json;
using System.Text.Json.Serialization;

namespace DrainOrchestrator.EndToEnd.Tests.Chaos;

/// <summary>
/// The judgement of one run. <see cref="Duplicates"/>, <see cref="LostRecords"/>, <see cref="LimitViolations"/>,
/// <see cref="Contradictions"/> and <see cref="UnfinishedDrains"/> count individual findings (each is explained in
/// <see cref="Problems"/>); a clean run has all five at 0, completed, and no other problem.
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

    /// <summary>The drain policy of the run's engines: <c>tuned</c> or <c>default</c> (<see cref="ChaosPolicy"/>).</summary>
    public required string Policy { get; init; }

    public required bool Completed { get; init; }

    public required int Duplicates { get; init; }

    public required int LostRecords { get; init; }

    public required int LimitViolations { get; init; }

    /// <summary>Attempt records that contradict the ground truth (outcome, source or target, a VMIM said not created that exists, two attempts of one VM in flight at once).</summary>
    public required int Contradictions { get; init; }

    /// <summary>Drains left unfinished (or ended other than succeeded) that could have finished.</summary>
    public required int UnfinishedDrains { get; init; }

    public string? GuestOutcome { get; init; }

    public required double DurationSeconds { get; init; }

    public required bool FaultHit { get; init; }

    /// <summary>False when the run broke off before it could be judged: its counts are then unknown, not zero.</summary>
    public bool Judged { get; init; } = true;

    public string? DrainState { get; init; }

    public int Migrations { get; init; }

    public string? GuestDetail { get; init; }

    /// <summary>The commit under test (<see cref="ChaosSettings.Commit"/>), so that merged campaigns say what each run tested.</summary>
    public string? Commit { get; init; } = ChaosSettings.Commit;

    public IReadOnlyList<string> Problems { get; init; } = [];

    [JsonIgnore]
    public bool Clean => Judged && Completed && Duplicates == 0 && LostRecords == 0 && LimitViolations == 0
        && Contradictions == 0 && UnfinishedDrains == 0 && Problems.Count == 0;

    /// <summary>The run as one JSON line: the counted fields first, the explanations last.</summary>
    public string ToJsonLine() => JsonSerializer.Serialize(this, LineOptions);

    [JsonIgnore]
    public string Summary =>
        $"{Kind} run {Run} (seed {Seed}, {Policy} policy): completed {Completed}, duplicates {Duplicates}, lost records {LostRecords}, "
        + $"limit violations {LimitViolations}, contradictions {Contradictions}, unfinished drains {UnfinishedDrains}, fault hit {FaultHit}, drain {DrainState}, {Migrations} VMIM(s), {DurationSeconds:0.0} s"
        + (GuestOutcome is null ? string.Empty : $", guest: {GuestDetail ?? GuestOutcome}");
}
