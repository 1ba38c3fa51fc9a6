using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DrainOrchestrator.Scheduling.Bench.Results;

/// <summary>
/// The README's benchmark section (<c>readme-table.md</c>): one line per scheduling case, then the headlines that the
/// orchestration, server and scale benches wrote into the same folder earlier in the same <c>scripts/bench.sh</c> run.
/// <c>scripts/bench.sh</c> copies it between the README's bench markers, so every number there comes from that run.
/// </summary>
internal static class ReadmeTable
{
    public static string Render(BenchReport report, string directory, DateTimeOffset writtenAt)
    {
        var md = new StringBuilder();
        md.AppendLine(F($"Measured by `scripts/bench.sh` on {writtenAt:yyyy-MM-dd} ({Environment.ProcessorCount} cores); details in [bench/results/summary.md](bench/results/summary.md)."))
            .AppendLine();
        md.AppendLine(F($"| scenario (virtual time) | limits | makespan | lower bound | ratio (target ≤ {CaseResult.BoundTarget:0.00}) | KubeVirt alone | migrations/VM |"));
        md.AppendLine("|---|---|---:|---:|---:|---:|---:|");
        foreach (var c in report.Cases.Where(c => c.Entry.Family is null))
        {
            var o = c.Orchestrator;
            var k = c.KubeVirtAlone;
            md.AppendLine(F($"| ({c.Entry.Id}) {c.Entry.Title} | {c.Limits.PerCluster}/{c.Limits.PerNode} | {o.MakespanSeconds:0} s{(o.Complete ? "" : "*")} | {c.Bound.Seconds:0} s | {c.Ratio:0.000}{(c.MeetsBound ? "" : " (missed)")} | {k.MakespanSeconds:0} s{(k.Complete ? "" : "*")} | {o.MigrationsPerVm:0.000} / {k.MigrationsPerVm:0.000} |"));
        }

        // A generated family is one row per limit setting: the mean over its seeds, and its worst member's ratio.
        foreach (var family in report.Cases.Where(c => c.Entry.Family is not null).GroupBy(c => (c.Entry.Family, c.Limits.Name)))
        {
            var runs = family.ToList();
            var worst = runs.MaxBy(c => c.Ratio)!;
            var first = runs[0];
            md.AppendLine(F($"| ({family.Key.Family}) {first.Entry.FamilyTitle}, {runs.Count} seeds: mean (worst) | {first.Limits.PerCluster}/{first.Limits.PerNode} | {runs.Average(c => c.Orchestrator.MakespanSeconds):0} s{(runs.All(c => c.Orchestrator.Complete) ? "" : "*")} | {runs.Average(c => c.Bound.Seconds):0} s | {runs.Average(c => c.Ratio):0.000} ({worst.Ratio:0.000}){(runs.All(c => c.MeetsBound) ? "" : " (missed)")} | {runs.Average(c => c.KubeVirtAlone.MakespanSeconds):0} s{(runs.All(c => c.KubeVirtAlone.Complete) ? "" : "*")} | {runs.Average(c => c.Orchestrator.MigrationsPerVm):0.000} / {runs.Average(c => c.KubeVirtAlone.MigrationsPerVm):0.000} |"));
        }

        md.AppendLine().AppendLine("`*`: did not finish (VMIs left on a drained node; for a family: in at least one seed). Migrations per VM: orchestrator / KubeVirt alone.").AppendLine();
        Orchestration(md, directory);
        Server(md, directory);
        Scale(md, directory);
        return md.ToString();
    }

    private static void Orchestration(StringBuilder md, string directory)
    {
        if (Read(directory, "orchestration.json") is not { } document)
        {
            return;
        }

        var h = document["headline"]!.AsObject();
        md.AppendLine(F($"Real time over HTTPS (drainctl, PostgreSQL and drain-sim as processes; median of {h["runs"]} drains, [orchestration.md](bench/results/orchestration.md)): ")
            + F($"slot refill p50 {Number(h, "refillP50Ms", "0.0")} ms, p99 {Number(h, "refillP99Ms", "0.0")} ms (target < 100 ms); ")
            + F($"{Number(h, "apiRequestsPerMigration", "0.00")} API requests, {Number(h, "postgresStatementsPerMigration", "0.0")} PostgreSQL statements and {Number(h, "postgresTransactionsPerMigration", "0.0")} transactions per migration; ")
            + F($"engine CPU {Number(h, "engineCpuSeconds", "0.0")} s, peak memory {Number(h, "enginePeakMiB", "0")} MiB."))
            .AppendLine();
    }

    private static void Server(StringBuilder md, string directory)
    {
        if (Read(directory, "server.json") is not { } document || document["headline"] is not JsonObject h)
        {
            return;
        }

        var parts = new List<string>();
        if (h.ContainsKey("apiP99Ms"))
        {
            parts.Add(F($"API p99 {Number(h, "apiP99Ms", "0.0")} ms with {h["apiClients"]} clients polling every {Number(h, "apiPollIntervalMs", "0")} ms while 3 drains run (target < 50 ms; p50 {Number(h, "apiP50Ms", "0.0")} ms, {Number(h, "apiRequestsPerSecond", "0")} requests/s, {h["apiErrors"]} errors; p99 {Number(h, "apiStartUpP99Ms", "0.0")} ms while the drains started)"));
        }

        if (h.ContainsKey("sseSubscribers"))
        {
            var exact = h["sseExactlyOnceInOrder"]?.GetValue<bool>() == true;
            parts.Add(F($"Server-Sent Events to {h["sseSubscribers"]} subscribers: {(exact ? "every event exactly once and in order" : "NOT every event exactly once and in order")}, delivery lag p50 {Number(h, "sseLagP50Ms", "0")} ms, p99 {Number(h, "sseLagP99Ms", "0")} ms (one journal poller, {Number(h, "sseFeedPollsPerSecond", "0.0")} database reads/s)"));
        }

        if (h.ContainsKey("refillP99Ms"))
        {
            parts.Add(F($"slot refill in server mode p50 {Number(h, "refillP50Ms", "0.0")} ms, p99 {Number(h, "refillP99Ms", "0.0")} ms (target < 100 ms; median of {h["refillRuns"]} drains")
                + (h.ContainsKey("pairedDrainctlRefillP99Ms") ? F($"; drainctl drain in the same minutes p99 {Number(h, "pairedDrainctlRefillP99Ms", "0.0")} ms)") : ")"));
        }

        if (parts.Count > 0)
        {
            md.AppendLine(F($"The service (`drainctl serve`, PostgreSQL and drain-sim as processes, commit {document["commit"]}; [server.md](bench/results/server.md), with the load average of each phase): ")
                + string.Join("; ", parts) + ".").AppendLine();
        }
    }

    private static void Scale(StringBuilder md, string directory)
    {
        if (Read(directory, "scale.json") is not { } document)
        {
            return;
        }

        var parts = new List<string>();
        foreach (var size in document["sizes"]!.AsArray().OfType<JsonObject>())
        {
            var decisions = size["decisions"]!.AsArray().OfType<JsonObject>().Select(d => d["ms"]!["median"]!.GetValue<double>()).ToList();
            parts.Add(F($"{size["nodes"]} nodes / {size["vmis"]} VMIs planned in {size["planning"]!["ms"]!["median"]!.GetValue<double>():0} ms, a scheduling decision in {decisions.Min():0.0}–{decisions.Max():0.0} ms"));
        }

        var report = document["report"] as JsonObject;
        var formats = report?["formats"]?.AsArray().OfType<JsonObject>().ToList() ?? [];
        md.AppendLine("Scale ([scale.md](bench/results/scale.md)): " + string.Join("; ", parts)
            + (formats.Count == 0 ? "." : F($"; the report of {report!["data"]!["attempts"]} migrations in {formats.Max(f => f["ms"]!["median"]!.GetValue<double>()) / 1000:0.0} s at most in drainctl's code ({string.Join(", ", formats.Select(f => f["format"]))})")
                + ProcessFigures(formats) + "."))
            .AppendLine();
    }

    // drainctl run as its own process (start-up included) for each format, when the bench measured it.
    private static string ProcessFigures(List<JsonObject> formats)
    {
        var measured = formats.Where(f => f["processMs"] is not null && f["processPeakResidentMiB"] is not null).ToList();
        return measured.Count == 0 ? string.Empty
            : "; as its own process " + string.Join(", ", measured.Select(f =>
                F($"{f["format"]} {f["processMs"]!.GetValue<double>() / 1000:0.0} s and {f["processPeakResidentMiB"]!.GetValue<double>():0} MiB peak")))
              + " (issue 14's target for html: under 5 s and 300 MB)";
    }

    private static JsonObject? Read(string directory, string name)
    {
        var file = Path.Combine(directory, name);
        try
        {
            return File.Exists(file) ? JsonNode.Parse(File.ReadAllText(file)) as JsonObject : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Number(JsonObject headline, string key, string format) =>
        headline[key] is JsonValue v && v.TryGetValue<double>(out var d) ? d.ToString(format, CultureInfo.InvariantCulture) : "n/a";

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
