namespace DrainOrchestrator.Simulator.Cluster;

/// <summary>A scenario is invalid; <see cref="Errors"/> lists every problem found, each with file and line.</summary>
public sealed class ScenarioException : Exception
{
    /// <summary>Creates the exception from every problem found.</summary>
    public ScenarioException(IReadOnlyList<ScenarioError> errors)
        : base(Format(errors)) => Errors = errors;

    /// <summary>Creates the exception with a message only.</summary>
    public ScenarioException(string message)
        : base(message) => Errors = [];

    /// <summary>Creates the exception with a message and cause.</summary>
    public ScenarioException(string message, Exception innerException)
        : base(message, innerException) => Errors = [];

    /// <summary>Creates the exception without details.</summary>
    public ScenarioException()
        : base("invalid scenario") => Errors = [];

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<ScenarioError> Errors { get; }

    private static string Format(IReadOnlyList<ScenarioError> errors) =>
        $"invalid scenario ({errors.Count} problem{(errors.Count == 1 ? string.Empty : "s")}):{Environment.NewLine}"
        + string.Join(Environment.NewLine, errors.Select(e => "  " + e));
}
