namespace DrainOrchestrator.Workflows.Definitions;

/// <summary>Where something was written: a file and a 1-based line and column.</summary>
public readonly record struct SourcePosition(string File, int Line, int Column)
{
    /// <summary><c>file:line:column</c>, as compilers and editors print it.</summary>
    public override string ToString() => $"{File}:{Line}:{Column}";
}
