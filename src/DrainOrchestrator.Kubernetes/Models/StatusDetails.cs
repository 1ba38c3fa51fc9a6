namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>Extended data of a <see cref="Status"/> (meta/v1 StatusDetails).</summary>
public sealed class StatusDetails : WireModel
{
    /// <summary>Name of the object the status is about.</summary>
    public string? Name { get; set; }

    /// <summary>API group of the object.</summary>
    public string? Group { get; set; }

    /// <summary>Kind (or resource) of the object.</summary>
    public string? Kind { get; set; }

    /// <summary>UID of the object.</summary>
    public string? Uid { get; set; }

    /// <summary>The individual causes, e.g. one per invalid field.</summary>
    public List<StatusCause>? Causes { get; set; }

    /// <summary>Seconds the client should wait before retrying, when the server suggests it.</summary>
    public int? RetryAfterSeconds { get; set; }
}
