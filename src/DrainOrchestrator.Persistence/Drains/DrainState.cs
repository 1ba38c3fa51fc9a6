using System.Text.Json.Serialization;

namespace DrainOrchestrator.Persistence.Drains;

/// <summary>
/// The lifecycle of a drain. Stored (and written in JSON) as the database's lowercase words; <see cref="DrainStates"/>
/// holds that mapping.
/// </summary>
[JsonConverter(typeof(DrainStates.WordConverter))]
public enum DrainState
{
    /// <summary>Recorded, not started by an engine yet.</summary>
    Pending,

    /// <summary>An engine runs it.</summary>
    Running,

    /// <summary>Paused by an operator: nothing new starts.</summary>
    Paused,

    /// <summary>
    /// Its maintenance window ended with work left: it keeps its nodes and nothing runs until a run in a later window
    /// resumes it.
    /// </summary>
    Suspended,

    /// <summary>Cancelled by an operator; the engine aborts what is in flight.</summary>
    Cancelling,

    /// <summary>Every VM it was to move left its nodes.</summary>
    Succeeded,

    /// <summary>Ended without succeeding.</summary>
    Failed,

    /// <summary>Ended by a cancel.</summary>
    Cancelled,
}
