using System.Text.Json.Serialization;
using DrainOrchestrator.Persistence.Drains;

namespace DrainOrchestrator.Persistence.Journal.Events;

/// <summary>An engine started a pending drain.</summary>
/// <param name="Holder">The engine process.</param>
[JournalEvent("drain.started", 1)]
public sealed record DrainStarted(string Holder) : JournalEvent;

/// <summary>An engine took up a drain that had started before (after a crash, a take-over, or another run of the command).</summary>
/// <param name="Holder">The engine process.</param>
/// <param name="State">The drain's state when it took it up.</param>
[JournalEvent("drain.resumed_by", 1)]
public sealed record DrainResumed(string Holder, DrainState? State) : JournalEvent;

/// <summary>The engine reached the database again after an outage and confirmed its lease.</summary>
/// <param name="OutageSeconds">How long the database was unreachable.</param>
/// <param name="Lease">Whether the lease was still held or had expired untouched and was re-taken.</param>
/// <param name="Epoch">The lease's fencing epoch afterwards.</param>
/// <param name="Reason">The last error of the outage.</param>
[JournalEvent("database.reconnected", 1)]
public sealed record DatabaseReconnected(
    double OutageSeconds,
    [property: JsonConverter(typeof(CamelCaseEnumConverter<LeaseConfirmation>))] LeaseConfirmation Lease,
    long Epoch,
    string Reason) : JournalEvent;

/// <summary>How the lease stood when the database came back.</summary>
public enum LeaseConfirmation
{
    /// <summary>Still held: nobody needed to take it.</summary>
    Held,

    /// <summary>It had expired and nobody took it: re-taken with a new epoch.</summary>
    Retaken,
}
