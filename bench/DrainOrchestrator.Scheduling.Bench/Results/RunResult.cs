namespace DrainOrchestrator.Scheduling.Bench.Results;

/// <summary>Who decided the order and the targets.</summary>
internal enum RunMode
{
    /// <summary>The engine (Core's planner and scheduler in the migrate loop), VMIMs pinned to their targets.</summary>
    Orchestrator,

    /// <summary>Every VMIM created at once, unpinned; KubeVirt's admission and placement decide.</summary>
    KubeVirtAlone,
}

/// <summary>One scenario under one limit setting in one mode.</summary>
internal sealed record RunResult
{
    public required string Scenario { get; init; }

    public required string Limits { get; init; }

    public required RunMode Mode { get; init; }

    /// <summary>Sum of the batches' makespans, seconds of model time.</summary>
    public required double MakespanSeconds { get; init; }

    public required IReadOnlyList<double> BatchMakespanSeconds { get; init; }

    /// <summary>Every live-migratable VMI left its node and nothing got stuck.</summary>
    public required bool Complete { get; init; }

    public required int VmisToMove { get; init; }

    /// <summary>Live-migratable VMIs still on a drained node when the run ended.</summary>
    public required int Left { get; init; }

    public required int Succeeded { get; init; }

    /// <summary>Failed or aborted migrations (attempts that did not move the VMI).</summary>
    public required int FailedAttempts { get; init; }

    public required int PostCopy { get; init; }

    public required long BytesMoved { get; init; }

    /// <summary>Successful migrations per VMI that moved at least once.</summary>
    public required double MigrationsPerVm { get; init; }

    public required int LimitViolations { get; init; }

    public required int PeakInFlight { get; init; }

    public required int Decisions { get; init; }

    /// <summary>Wall-clock seconds spent planning and deciding.</summary>
    public required double DecideSeconds { get; init; }

    /// <summary>Wall-clock seconds the whole run took.</summary>
    public required double WallSeconds { get; init; }

    public required IReadOnlyList<MigrationRecord> Migrations { get; init; }
}

/// <summary>One migration of a run, times in seconds from the run's start.</summary>
internal sealed record MigrationRecord(
    string Vmi, string? Source, string? Target, double Created, double? Admitted, double? TransferStarted, double? Ended,
    string Outcome, string? Mode, long Bytes);
