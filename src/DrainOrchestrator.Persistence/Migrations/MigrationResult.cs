namespace DrainOrchestrator.Persistence.Migrations;

/// <summary>What one migrator run did.</summary>
/// <param name="Applied">The files applied by this run, in order.</param>
/// <param name="AlreadyApplied">How many files were found applied and unchanged.</param>
public sealed record MigrationResult(IReadOnlyList<string> Applied, int AlreadyApplied);
