namespace DrainOrchestrator.Persistence.Attempts;

/// <summary>The outcomes an attempt row may hold, as the database's CHECK constraint spells them.</summary>
public static class AttemptOutcome
{
    public const string Intended = "intended";
    public const string Created = "created";
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
    public const string Aborted = "aborted";
    public const string NotCreated = "not_created";

    /// <summary>Whether the attempt is over.</summary>
    public static bool IsFinal(string outcome) => outcome is Succeeded or Failed or Aborted or NotCreated;
}
