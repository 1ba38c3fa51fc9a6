using System.Text.Json.Nodes;

namespace DrainOrchestrator.Application.Rehearsals;

/// <summary>
/// A rehearsal's result as JSON, the one shape <c>drainctl rehearse --format json</c> prints and the API's
/// <c>GET /api/v1/rehearsals/{id}</c> returns: camelCase fields, durations in cluster-time seconds.
/// </summary>
public static class RehearsalDocument
{
    /// <summary>The document of <paramref name="r"/>.</summary>
    public static JsonObject From(RehearsalResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new JsonObject
        {
            ["nodes"] = new JsonArray([.. r.Nodes.Select(n => JsonValue.Create(n))]),
            ["speed"] = r.Speed,
            ["state"] = r.State,
            ["reason"] = r.Reason,
            ["makespanSeconds"] = Seconds(r.Makespan),
            ["drainSeconds"] = Seconds(r.Duration),
            ["plannedMakespanSeconds"] = Seconds(r.PlannedMakespan),
            ["migrations"] = r.Migrations,
            ["stalled"] = Migrations(r.Stalled),
            ["postCopy"] = Migrations(r.PostCopy),
            ["cannotMove"] = new JsonArray([.. r.CannotMove.Select(v => new JsonObject
            {
                ["vmi"] = v.Vmi, ["node"] = v.Node, ["disposition"] = v.Disposition, ["reason"] = v.Reason,
            })]),
            ["window"] = r.Window is { } w
                ? new JsonObject { ["lengthSeconds"] = w.Length.TotalSeconds, ["neededSeconds"] = w.Needed.TotalSeconds, ["fits"] = w.Fits }
                : null,
            ["kubevirt"] = r.KubeVirt is { } k
                ? new JsonObject
                {
                    ["finished"] = k.Finished,
                    ["makespanSeconds"] = Seconds(k.Makespan),
                    ["migrations"] = k.Migrations,
                    ["failed"] = k.Failed,
                    ["leftOnNodes"] = new JsonArray([.. k.LeftOnNodes.Select(v => JsonValue.Create(v))]),
                }
                : null,
        };
    }

    private static JsonArray Migrations(IReadOnlyList<RehearsedMigration> list) => new([.. list.Select(m => new JsonObject
    {
        ["vmi"] = m.Vmi, ["source"] = m.Source, ["target"] = m.Target, ["outcome"] = m.Outcome, ["detail"] = m.Detail,
    })]);

    private static double? Seconds(TimeSpan? span) => span?.TotalSeconds;
}
