using System.Text.Json.Serialization;

namespace DrainOrchestrator.Kubernetes.Models;

/// <summary>State of a lease (coordination.k8s.io/v1 LeaseSpec). Times are MicroTime.</summary>
public sealed class LeaseSpec : WireModel
{
    /// <summary>Who holds the lease.</summary>
    public string? HolderIdentity { get; set; }

    /// <summary>How long a holder keeps the lease without renewing it.</summary>
    public int? LeaseDurationSeconds { get; set; }

    /// <summary>When the current holder acquired it.</summary>
    [JsonConverter(typeof(MicroTimeJsonConverter))]
    public DateTimeOffset? AcquireTime { get; set; }

    /// <summary>When the holder last renewed it.</summary>
    [JsonConverter(typeof(MicroTimeJsonConverter))]
    public DateTimeOffset? RenewTime { get; set; }

    /// <summary>How many times the holder changed.</summary>
    public int? LeaseTransitions { get; set; }

    /// <summary>Coordinated leader election strategy.</summary>
    public string? Strategy { get; set; }

    /// <summary>Holder the strategy prefers.</summary>
    public string? PreferredHolder { get; set; }
}
