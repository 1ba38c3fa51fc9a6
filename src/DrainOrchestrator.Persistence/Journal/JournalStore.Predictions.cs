using System.Runtime.CompilerServices;
using System.Text.Json;
using DrainOrchestrator.Persistence.Journal.Events;

namespace DrainOrchestrator.Persistence.Journal;

/// <summary>The plan's prediction per VM, read field by field: what a report of 100,000 migrations needs of its plan items.</summary>
public sealed partial class JournalStore
{
    private static readonly string UidField = JsonNamingPolicy.CamelCase.ConvertName(nameof(PlanItem.Uid));
    private static readonly string SecondsField = JsonNamingPolicy.CamelCase.ConvertName(nameof(PlanItem.PredictedSeconds));
    private static readonly string ModeField = JsonNamingPolicy.CamelCase.ConvertName(nameof(PlanItem.PredictedMode));

    /// <summary>
    /// The uid, predicted duration and mode of drain <paramref name="drainId"/>'s plan items of the given dispositions, in
    /// journal order, streamed from the server: neither the payloads nor the items are ever held whole (a large drain
    /// journals one item per VM). A mode is one string per distinct value.
    /// </summary>
    public async IAsyncEnumerable<PlanPrediction> ReadPredictionsAsync(Guid drainId, IReadOnlyCollection<string> dispositions,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dispositions);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText =
            """
            SELECT payload ->> @uid, (payload ->> @seconds)::float8, payload ->> @mode
              FROM event_journal WHERE drain_id = @drainId AND kind = ANY(@kinds) AND payload ->> @field = ANY(@values)
             ORDER BY seq
            """;
        command.Parameters.AddWithValue("uid", UidField);
        command.Parameters.AddWithValue("seconds", SecondsField);
        command.Parameters.AddWithValue("mode", ModeField);
        command.Parameters.AddWithValue("drainId", drainId);
        command.Parameters.AddWithValue("kinds", JournalCatalogue.KindsOf<PlanItem>().ToArray());
        command.Parameters.AddWithValue("field", PlanItem.DispositionField);
        command.Parameters.AddWithValue("values", dispositions.ToArray());
        var modes = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var mode = reader.IsDBNull(2) ? string.Empty : reader.GetString(2);
            if (!modes.TryGetValue(mode, out var shared))
            {
                modes[mode] = shared = mode;
            }

            yield return new PlanPrediction(reader.GetString(0), reader.IsDBNull(1) ? 0 : reader.GetDouble(1), shared);
        }
    }
}
