using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using DrainOrchestrator.Persistence.Journal.Events;
using DrainOrchestrator.Persistence.Leases;
using Npgsql;

namespace DrainOrchestrator.Persistence.Fencing;

/// <summary>
/// A fenced write as one statement: the lease check (<c>FOR SHARE</c>, so no take-over commits before it does), the
/// changes (<see cref="FencedChange"/>) and the journal events, all conditional on the lease. One statement needs no
/// explicit transaction: PostgreSQL runs it atomically, and its data-modifying parts all see the same lease row. When
/// the lease is not held nothing is written and <see cref="LeaseLostException"/> is thrown.
/// </summary>
public static class FencedStatement
{
    // Appends are serialised until their commit by this transaction-scoped advisory lock (JournalStore's), so sequence
    // numbers become visible in order.
    private const long AppendLock = 0x4a4f55524e414c; // "JOURNAL"

    /// <summary>
    /// Runs the changes and appends <paramref name="events"/> (at least one; events of <see cref="JournalCatalogue"/>)
    /// to the journal of <paramref name="drainId"/>, on <paramref name="connection"/> inside <paramref name="transaction"/>
    /// when one is given. Returns the events' sequence numbers, in order, and what the changes return.
    /// </summary>
    public static async Task<FencedResult> ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Lease lease,
        Guid drainId, string actor, DateTimeOffset now, IReadOnlyList<JournalEvent> events, IReadOnlyList<FencedChange> changes,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(lease);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        if (events.Count == 0)
        {
            throw new ArgumentException("A fenced write journals at least one event: its append is the lease's verdict.", nameof(events));
        }

        var parameters = new DynamicParameters(new
        {
            fence_name = lease.Name,
            fence_holder = lease.Holder,
            fence_epoch = lease.Epoch,
            journal_drain = drainId,
            journal_now = now,
            journal_actor = actor,
            journal_lock = AppendLock,
            journal_events = EventsJson(events),
        });
        var sql = new StringBuilder(
            """
            WITH fence AS MATERIALIZED (
                SELECT 1 FROM leases
                 WHERE name = @fence_name AND holder = @fence_holder AND epoch = @fence_epoch AND expires_at > statement_timestamp()
                   FOR SHARE)
            """);
        for (var i = 0; i < changes.Count; i++)
        {
            sql.Append(CultureInfo.InvariantCulture, $",\nchange{i} AS (\n{Fenced(changes[i])}\nRETURNING {changes[i].Returning ?? "1"})");
            foreach (var (name, value) in changes[i].Parameters)
            {
                parameters.Add(name, value);
            }
        }

        sql.Append(
            """
            ,
            appended AS (
                INSERT INTO event_journal (drain_id, occurred_at, kind, actor, lease_epoch, payload)
                SELECT @journal_drain, @journal_now, e.item ->> 'kind', @journal_actor, @fence_epoch, e.item -> 'payload'
                  FROM fence, (SELECT pg_advisory_xact_lock(@journal_lock)) AS ordered,
                       jsonb_array_elements(@journal_events::jsonb) WITH ORDINALITY AS e(item, ord)
                 ORDER BY e.ord
                RETURNING seq)
            SELECT -1 AS Part, seq AS Value FROM appended
            """);
        for (var i = 0; i < changes.Count; i++)
        {
            if (changes[i].Returning is not null)
            {
                sql.Append(CultureInfo.InvariantCulture, $"\nUNION ALL SELECT {i}, * FROM change{i}");
            }
        }

        var rows = (await connection.QueryAsync<(int Part, long Value)>(new CommandDefinition(sql.ToString(), parameters, transaction,
            cancellationToken: cancellationToken))).ToList();
        var seqs = rows.Where(r => r.Part < 0).Select(r => r.Value).Order().ToList();
        if (seqs.Count != events.Count)
        {
            throw LeaseStore.Lost(lease);
        }

        var returned = new Dictionary<string, IReadOnlyList<long>>(StringComparer.Ordinal);
        for (var i = 0; i < changes.Count; i++)
        {
            if (changes[i].Returning is not null)
            {
                returned[changes[i].Prefix] = [.. rows.Where(r => r.Part == i).Select(r => r.Value)];
            }
        }

        return new FencedResult(seqs, returned);
    }

    private static string Fenced(FencedChange change)
    {
        if (!change.Sql.Contains(FencedChange.Fence, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The change with prefix '{change.Prefix}' does not contain {FencedChange.Fence} in its condition: "
                + "it would be written without the lease.", nameof(change));
        }

        foreach (var name in change.Parameters.Keys.Where(n => !n.StartsWith(change.Prefix, StringComparison.Ordinal)))
        {
            throw new ArgumentException($"The parameter '{name}' of a change does not start with its prefix '{change.Prefix}'.", nameof(change));
        }

        return change.Sql.Replace(FencedChange.Fence, "EXISTS (SELECT 1 FROM fence)", StringComparison.Ordinal);
    }

    private static string EventsJson(IReadOnlyList<JournalEvent> events)
    {
        var array = new JsonArray();
        foreach (var journalEvent in events)
        {
            array.Add(new JsonObject
            {
                ["kind"] = JournalCatalogue.Describe(journalEvent.GetType()).Kind,
                ["payload"] = JsonNode.Parse(JournalCatalogue.Serialize(journalEvent)),
            });
        }

        return array.ToJsonString(JsonSerializerOptions.Default);
    }
}
