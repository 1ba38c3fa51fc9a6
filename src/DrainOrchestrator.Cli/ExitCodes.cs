namespace DrainOrchestrator.Cli;

/// <summary>drainctl's exit codes.</summary>
public static class ExitCodes
{
    /// <summary>Done as asked.</summary>
    public const int Success = 0;

    /// <summary>The work was attempted and did not complete (a failed drain, a database that refused the schema).</summary>
    public const int Failed = 1;

    /// <summary>Bad input: nothing was started.</summary>
    public const int BadInput = 2;

    /// <summary>Interrupted by the operator (Ctrl-C).</summary>
    public const int Cancelled = 130;
}
