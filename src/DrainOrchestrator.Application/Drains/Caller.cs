namespace DrainOrchestrator.Application.Drains;

/// <summary>Who asks: journaled with every state-changing call.</summary>
/// <param name="Name">The identity, e.g. a token's name, a JWT subject or the OS user.</param>
/// <param name="Via">The front door: <c>drainctl</c> or <c>api</c>.</param>
public sealed record Caller(string Name, string Via)
{
    /// <summary>How the journal and <c>requested_by</c> record the caller, e.g. <c>api/alice</c>.</summary>
    public override string ToString() => Via + "/" + Name;
}
