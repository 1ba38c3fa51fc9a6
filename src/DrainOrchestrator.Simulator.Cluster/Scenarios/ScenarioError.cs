namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>One problem in a scenario.</summary>
/// <param name="File">The file (or built-in name) it is in.</param>
/// <param name="Line">1-based line, 0 when unknown.</param>
/// <param name="Column">1-based column, 0 when unknown.</param>
/// <param name="Message">What is wrong.</param>
public sealed record ScenarioError(string File, long Line, long Column, string Message)
{
    /// <summary><c>file:line:column: message</c>.</summary>
    public override string ToString() => Line > 0 ? $"{File}:{Line}:{Column}: {Message}" : $"{File}: {Message}";
}
