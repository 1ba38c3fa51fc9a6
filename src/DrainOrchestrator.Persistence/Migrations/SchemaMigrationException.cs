namespace DrainOrchestrator.Persistence.Migrations;

/// <summary>
/// The schema cannot be brought up to date. Never transient: a retry fails the same way until the named file
/// (or the database's record of it) is fixed.
/// </summary>
public sealed class SchemaMigrationException : Exception
{
    public SchemaMigrationException(string message, string? fileName, Exception? innerException = null)
        : base(message, innerException) => FileName = fileName;

    public SchemaMigrationException()
    {
    }

    public SchemaMigrationException(string message)
        : base(message)
    {
    }

    public SchemaMigrationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The schema file at fault, when one is.</summary>
    public string? FileName { get; }

    /// <summary>Always false: repeating the migration cannot succeed without a change.</summary>
    public static bool IsTransient => false;
}
