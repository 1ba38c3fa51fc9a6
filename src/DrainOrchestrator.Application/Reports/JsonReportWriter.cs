using DrainOrchestrator.Engine.Reports;
using DrainOrchestrator.Persistence.Attempts;
using DrainOrchestrator.Persistence.Drains;

namespace DrainOrchestrator.Application.Reports;

/// <summary>
/// The report as JSON, laid out as docs/schemas/report.schema.json publishes it (<c>schemaVersion</c> 1). Times are
/// UTC; <c>timeZone</c> names the reader's zone and each migration carries that zone's offset at its start.
/// </summary>
internal static partial class JsonReportWriter
{
    public static async Task WriteAsync(ReportDocument document, ReportTimeZone zone, TextWriter output, CancellationToken cancellationToken)
    {
        await using var chunks = new JsonChunkWriter(output, indented: true);
        var json = chunks.Json;
        json.WriteStartObject();
        json.WriteNumber("schemaVersion", ReportDocument.SchemaVersion);
        json.WriteString("kind", document.Kind);
        json.WriteString("title", document.Title);
        json.WriteString("generatedAt", document.GeneratedAt.ToUniversalTime());
        json.WriteStartObject("timeZone");
        json.WriteString("id", zone.Id);
        json.WriteString("utcOffset", zone.Offset(document.GeneratedAt));
        json.WriteEndObject();
        WritePeriod(json, document.Period);
        WriteWorkflow(json, document.Workflow);
        json.WriteBoolean("bytesRecorded", ReportAttempts.HasBytes(document.Drains));
        if (document.Kind == "drain" && document.Drains.Count == 1)
        {
            json.WritePropertyName("drain");
            WriteDrain(json, document.Drains[0]);
        }
        else
        {
            json.WriteNull("drain");
        }

        json.WriteStartArray("drains");
        foreach (var report in document.Drains)
        {
            WriteDrain(json, report);
        }

        json.WriteEndArray();
        WriteWaves(json, document.Drains);
        json.WriteStartArray("migrations");
        foreach (var report in document.Drains)
        {
            foreach (var attempt in report.Attempts)
            {
                WriteMigration(json, report, attempt, zone);
                await chunks.FlushIfFullAsync(cancellationToken);
            }
        }

        json.WriteEndArray();
        WriteUnmoved(json, document.Drains);
        WriteTotals(json, ReportTotals.Of(document.Drains));
        json.WriteEndObject();
        await chunks.FlushAsync(cancellationToken);
        await output.WriteLineAsync();
        await output.FlushAsync(cancellationToken);
    }

    private static void WriteMigration(System.Text.Json.Utf8JsonWriter json, DrainReport report, AttemptRecord a, ReportTimeZone zone)
    {
        var predicted = ReportAttempts.Predicted(report, a);
        json.WriteStartObject();
        json.WriteNumber("id", a.Id);
        json.WriteString("drainId", a.DrainId);
        json.WriteNumber("wave", a.WaveNumber);
        json.WriteString("vmi", a.VmiNamespace + "/" + a.VmiName);
        json.WriteNumber("attempt", a.Attempt);
        json.WriteString("source", a.SourceNode);
        Text(json, "target", a.TargetNode);
        json.WriteString("vmim", a.VmimName);
        json.WriteString("outcome", a.Outcome.ToDatabase());
        json.WriteString("kind", a.Kind.ToDatabase());
        Text(json, "mode", ReportAttempts.Mode(a));
        json.WriteBoolean("postCopy", a.PostCopy);
        Time(json, "intendedAt", a.IntendedAt);
        Time(json, "createdAt", a.CreatedAt);
        Time(json, "startedAt", a.StartedAt);
        Time(json, "finishedAt", a.FinishedAt);
        json.WriteString("utcOffset", zone.Offset(ReportAttempts.Start(a)));
        Number(json, "durationSeconds", ReportAttempts.DurationSeconds(a));
        Number(json, "predictedSeconds", predicted?.Seconds);
        Text(json, "predictedMode", predicted?.Mode);
        Number(json, "bytesTotal", a.BytesTotal);
        Number(json, "bytesProcessed", a.BytesProcessed);
        Text(json, "failureClass", a.FailureClass);
        Text(json, "failureReason", a.FailureReason);
        if (a.Network is { } network)
        {
            json.WriteStartObject("network");
            Text(json, "targetAddress", network.TargetAddress);
            Text(json, "migrationNetwork", network.MigrationNetwork);
            if (network.OnMigrationNetwork is { } on)
            {
                json.WriteBoolean("onMigrationNetwork", on);
            }
            else
            {
                json.WriteNull("onMigrationNetwork");
            }

            json.WriteEndObject();
        }

        if (report.Outbound.GetValueOrDefault(a.VmiUid) is { } outbound)
        {
            // A move-back's return migration names the returned drain's attempt that moved the VM away.
            json.WriteStartObject("outbound");
            json.WriteNumber("attemptId", outbound.AttemptId);
            json.WriteString("drainId", report.Returns!.Id);
            json.WriteString("vmim", outbound.VmimName);
            json.WriteString("source", outbound.Source);
            Text(json, "target", outbound.Target);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }
}
