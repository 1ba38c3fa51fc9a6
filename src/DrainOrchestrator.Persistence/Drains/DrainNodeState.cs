using System.Text.Json.Serialization;

namespace DrainOrchestrator.Persistence.Drains;

/// <summary>Where one node of a drain stands. Stored as the database's lowercase words (<see cref="DrainNodeStates"/>).</summary>
[JsonConverter(typeof(DrainNodeStates.WordConverter))]
public enum DrainNodeState
{
    /// <summary>Added to the drain; nothing done yet.</summary>
    Pending,

    /// <summary>The drain holds the node's coordination Lease.</summary>
    Locked,

    /// <summary>Cordoned by the drain.</summary>
    Cordoned,

    /// <summary>Its VMs are being moved.</summary>
    Draining,

    /// <summary>Emptied: the drain succeeded.</summary>
    Drained,

    /// <summary>The drain ended without succeeding.</summary>
    Failed,

    /// <summary>Released: other drains may take it.</summary>
    Released,
}
