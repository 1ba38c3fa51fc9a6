using DrainOrchestrator.Simulator.Api.Selectors;

namespace DrainOrchestrator.Simulator.Api.Store;

/// <summary>What to list.</summary>
public sealed record ListRequest
{
    /// <summary>Everything of a type, all namespaces.</summary>
    public static ListRequest All { get; } = new();

    /// <summary>The namespace, or null for all namespaces.</summary>
    public string? Namespace { get; init; }

    /// <summary>The label selector.</summary>
    public LabelSelector Labels { get; init; } = LabelSelector.Everything;

    /// <summary>The field selector.</summary>
    public FieldSelector Fields { get; init; } = FieldSelector.Everything;

    /// <summary>The page size; 0 for no limit.</summary>
    public int Limit { get; init; }

    /// <summary>The continue token of the previous page, if any.</summary>
    public string? Continue { get; init; }
}
