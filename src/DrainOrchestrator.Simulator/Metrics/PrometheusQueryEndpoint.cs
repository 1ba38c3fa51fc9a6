using System.Globalization;
using System.Text.Json;
using DrainOrchestrator.Simulator.KubeVirt;

namespace DrainOrchestrator.Simulator.Metrics;

/// <summary>
/// <c>GET /api/v1/query?query=…</c> (or a form POST): the Prometheus HTTP API's instant query over drain-sim's own
/// metrics (<see cref="KubeVirtMigrationMetrics"/>), for a metric name with optional <c>{label="value"}</c> matchers
/// (<see cref="SeriesSelector"/>). Answers as Prometheus does: <c>{"status":"success","data":{"resultType":"vector",
/// "result":[{"metric":{…},"value":[time,"value"]}]}}</c>, or <c>status</c> <c>error</c> with <c>errorType</c>
/// <c>bad_data</c> and 400 for what it cannot evaluate.
/// </summary>
internal sealed class PrometheusQueryEndpoint(ClusterModelHost? model, TimeProvider time)
{
    public async Task HandleAsync(HttpContext http)
    {
        string? query;
        if (http.Request.Method == "GET")
        {
            query = http.Request.Query["query"].FirstOrDefault();
        }
        else if (http.Request.Method == "POST" && http.Request.HasFormContentType)
        {
            query = (await http.Request.ReadFormAsync(http.RequestAborted))["query"].FirstOrDefault();
        }
        else
        {
            await WriteAsync(http, 405, w => Error(w, "bad_data", $"method {http.Request.Method} is not allowed; GET or POST a form"));
            return;
        }

        var selector = SeriesSelector.Parse(query, out var problem);
        if (selector is null)
        {
            await WriteAsync(http, 400, w => Error(w, "bad_data", query is null ? "missing parameter 'query'" : problem!));
            return;
        }

        var cluster = model?.Cluster;
        var document = KubeVirtMigrationMetrics.Render(cluster?.GetMigrations() ?? [], cluster?.GetVmis() ?? [], cluster?.GetVirtualMachines() ?? []);
        var now = time.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0;
        var series = ExpositionSeries.Read(document).Where(s => selector.Selects(s.Metric, s.Labels)).ToList();
        await WriteAsync(http, 200, w =>
        {
            w.WriteString("status", "success");
            w.WriteStartObject("data");
            w.WriteString("resultType", "vector");
            w.WriteStartArray("result");
            foreach (var (metric, labels, value) in series)
            {
                w.WriteStartObject();
                w.WriteStartObject("metric");
                w.WriteString("__name__", metric);
                foreach (var (name, text) in labels.OrderBy(l => l.Key, StringComparer.Ordinal))
                {
                    w.WriteString(name, text);
                }

                w.WriteEndObject();
                w.WriteStartArray("value");
                w.WriteRawValue(now.ToString("0.###", CultureInfo.InvariantCulture));
                w.WriteStringValue(ExpositionSeries.JsonValue(value));
                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private static void Error(Utf8JsonWriter w, string type, string message)
    {
        w.WriteString("status", "error");
        w.WriteString("errorType", type);
        w.WriteString("error", message);
    }

    private static async Task WriteAsync(HttpContext http, int status, Action<Utf8JsonWriter> body)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        await using var writer = new Utf8JsonWriter(http.Response.Body);
        writer.WriteStartObject();
        body(writer);
        writer.WriteEndObject();
        await writer.FlushAsync(http.RequestAborted);
    }
}
