using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace DrainOrchestrator.Scheduling.Bench.Results;

/// <summary>
/// The summary's section on orchestration in real time: the headline that <c>bench/DrainOrchestrator.Orchestration.Bench</c>
/// wrote into the same folder (<c>orchestration.json</c>, or <c>orchestration-quick.json</c> for the reduced run), with a link
/// to its own page. <c>scripts/bench.sh</c> runs that bench before this one, so the summary carries its latest numbers.
/// </summary>
internal static class OrchestrationSection
{
    public static void Append(StringBuilder md, string? directory, bool quick)
    {
        var prefix = quick ? "orchestration-quick" : "orchestration";
        md.AppendLine("## Orchestration in real time over HTTPS").AppendLine();
        var file = directory is null ? null : Path.Combine(directory, prefix + ".json");
        if (file is null || !File.Exists(file))
        {
            md.AppendLine("Not measured in this run (`bench/DrainOrchestrator.Orchestration.Bench`, run by `scripts/bench.sh`, writes it).").AppendLine();
            return;
        }

        JsonObject document;
        try
        {
            document = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
        }
        catch (System.Text.Json.JsonException ex)
        {
            md.AppendLine(F($"`{prefix}.json` could not be read: {ex.Message}")).AppendLine();
            return;
        }

        var h = document["headline"]!.AsObject();
        string N(string key, string format) => h[key] is { } v ? v.GetValue<double>().ToString(format, CultureInfo.InvariantCulture) : "n/a";
        var met = h["targetMet"]?.GetValue<bool>() == true;
        md.AppendLine(F($"drainctl (the engine), a private PostgreSQL and drain-sim as separate processes, {document["nodes"]!.AsArray().Count} nodes drained at speed {document["speed"]} (model time {(document["speed"]!.GetValue<double>() == 1 ? "is" : "converted to")} wall time), median of {h["runs"]} runs written {document["writtenAt"]}, 1-minute load average {document["loadAverage1m"]} on {document["processors"]} cores:"))
            .AppendLine();
        md.AppendLine("| slot refill p50 | slot refill p99 (target < 100 ms) | API requests / migration | PostgreSQL statements / migration | transactions / migration | engine CPU | engine peak memory | drain length |");
        md.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|");
        md.AppendLine(F($"| {N("refillP50Ms", "0.0")} ms | {N("refillP99Ms", "0.0")} ms ({(met ? "met" : "missed")}) | {N("apiRequestsPerMigration", "0.00")} | {N("postgresStatementsPerMigration", "0.0")} | {N("postgresTransactionsPerMigration", "0.0")} | {N("engineCpuSeconds", "0.00")} s | {N("enginePeakMiB", "0")} MiB | {N("drainSeconds", "0.0")} s |"));
        md.AppendLine();
        md.AppendLine(F($"Definitions, every run, where the latency goes and the statement and request breakdowns: [{prefix}.md]({prefix}.md).")).AppendLine();
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
