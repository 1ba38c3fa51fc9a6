namespace DrainOrchestrator.Workflows.Definitions;

/// <summary>A typed parameter of a workflow, with its default (null: the caller must give it).</summary>
public sealed record ParameterDefinition(string Name, ParameterType Type, object? Default, string? Description, SourcePosition Position);
