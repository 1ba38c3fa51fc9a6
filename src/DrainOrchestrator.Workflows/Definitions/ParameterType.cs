namespace DrainOrchestrator.Workflows.Definitions;

/// <summary>The type of a workflow parameter.</summary>
public enum ParameterType
{
    /// <summary>Text.</summary>
    String,

    /// <summary>A whole number.</summary>
    Integer,

    /// <summary>true or false.</summary>
    Boolean,

    /// <summary>A duration such as <c>90s</c>, <c>5m</c> or <c>2h</c>.</summary>
    Duration,

    /// <summary>A list of text.</summary>
    StringList,
}
