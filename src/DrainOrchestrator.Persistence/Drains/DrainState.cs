namespace DrainOrchestrator.Persistence.Drains;

/// <summary>The lifecycle of a drain, as the database's CHECK constraint spells it.</summary>
public static class DrainState
{
    public const string Pending = "pending";
    public const string Running = "running";
    public const string Paused = "paused";
    public const string Cancelling = "cancelling";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";

    /// <summary>Whether a drain in this state is over (its nodes are released).</summary>
    public static bool IsFinal(string state) => state is Succeeded or Failed or Cancelled;
}
