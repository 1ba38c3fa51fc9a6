using System.Text.Json.Serialization;

namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>The result of an API call that returns no object, and the body of every API error (meta/v1 Status).</summary>
public sealed class Status : KubernetesObject
{
    /// <summary>The value of <see cref="Outcome"/> for a failed call.</summary>
    public const string Failure = "Failure";

    /// <summary>The value of <see cref="Outcome"/> for a successful call.</summary>
    public const string Success = "Success";

    /// <summary>Creates an empty Status.</summary>
    public Status()
        : base("v1", "Status")
    {
    }

    /// <summary><c>Success</c> or <c>Failure</c> (JSON <c>status</c>).</summary>
    [JsonPropertyName("status")]
    public string? Outcome { get; set; }

    /// <summary>Human-readable description.</summary>
    public string? Message { get; set; }

    /// <summary>Machine-readable reason in CamelCase, e.g. <c>Conflict</c>, <c>NotFound</c>, <c>Expired</c>.</summary>
    public string? Reason { get; set; }

    /// <summary>Extended data about the reason.</summary>
    public StatusDetails? Details { get; set; }

    /// <summary>The suggested HTTP status code.</summary>
    public int? Code { get; set; }
}
