namespace DrainOrchestrator.Persistence.Migrations;

/// <summary>A schema file the database records as applied.</summary>
public sealed record AppliedMigration(int Version, string FileName, string Sha256, DateTimeOffset AppliedAt);
