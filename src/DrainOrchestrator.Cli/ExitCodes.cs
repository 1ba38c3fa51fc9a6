namespace DrainOrchestrator.Cli;

/// <summary>drainctl's exit codes.</summary>
public static class ExitCodes
{
    /// <summary>Done as asked.</summary>
    public const int Success = 0;

    /// <summary>The work was attempted and did not complete (a failed or cancelled drain, a database that refused the schema).</summary>
    public const int Failed = 1;

    /// <summary>Bad input: nothing was started.</summary>
    public const int BadInput = 2;

    /// <summary>
    /// The run stopped before the drain ended (the database stayed unreachable for longer than the outage timeout, or the
    /// infrastructure failed): the drain is intact and unfinished, and the same command run again resumes it. Also when
    /// the cluster, the database or the server could not be reached, or the server was busy, before anything started: the
    /// same command may succeed later.
    /// </summary>
    public const int Unfinished = 3;

    /// <summary>
    /// <c>drainctl audit verify</c> found a journal chain broken: a record altered, deleted, inserted or reordered, or a
    /// head or anchor that does not match. The output names the first bad record of each broken chain. Not retryable.
    /// </summary>
    public const int LedgerBroken = 4;

    /// <summary>Interrupted by the operator (Ctrl-C); an unfinished drain is resumed by the same command run again.</summary>
    public const int Cancelled = 130;
}
