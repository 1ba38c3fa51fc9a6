namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>One cause of a failure (meta/v1 StatusCause).</summary>
public sealed class StatusCause : WireModel
{
    /// <summary>Machine-readable cause, e.g. <c>FieldValueRequired</c>.</summary>
    public string? Reason { get; set; }

    /// <summary>Human-readable description.</summary>
    public string? Message { get; set; }

    /// <summary>Path of the offending field, e.g. <c>spec.vmiName</c>.</summary>
    public string? Field { get; set; }
}
