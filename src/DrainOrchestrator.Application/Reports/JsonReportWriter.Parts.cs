using System.Text.Json;
using DrainOrchestrator.Engine.Reports;
using DrainOrchestrator.Persistence.Drains;

namespace DrainOrchestrator.Application.Reports;

/// <summary>The parts of the JSON report around its migrations.</summary>
internal static partial class JsonReportWriter
{
    private static void WritePeriod(Utf8JsonWriter json, ReportPeriod? period)
    {
        if (period is null)
        {
            json.WriteNull("period");
            return;
        }

        json.WriteStartObject("period");
        json.WriteString("from", period.From.ToUniversalTime());
        json.WriteString("to", period.To.ToUniversalTime());
        Text(json, "cluster", period.Cluster);
        json.WriteEndObject();
    }

    private static void WriteWorkflow(Utf8JsonWriter json, ReportWorkflow? workflow)
    {
        if (workflow is null)
        {
            json.WriteNull("workflow");
            return;
        }

        json.WriteStartObject("workflow");
        json.WriteString("id", workflow.Id);
        json.WriteString("name", workflow.Name);
        json.WriteString("workflow", workflow.Workflow);
        json.WriteNumber("version", workflow.Version);
        json.WriteString("cluster", workflow.Cluster);
        json.WriteString("state", workflow.State);
        Text(json, "requestedBy", workflow.RequestedBy);
        Time(json, "createdAt", workflow.CreatedAt);
        Time(json, "startedAt", workflow.StartedAt);
        Time(json, "finishedAt", workflow.FinishedAt);
        Text(json, "outcomeReason", workflow.OutcomeReason);
        json.WriteStartArray("steps");
        foreach (var step in workflow.Steps)
        {
            json.WriteStartObject();
            json.WriteString("key", step.Key);
            json.WriteString("kind", step.Kind);
            json.WriteString("state", step.State);
            Time(json, "startedAt", step.StartedAt);
            Time(json, "finishedAt", step.FinishedAt);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        WriteActions(json, workflow.Actions);
        json.WriteEndObject();
    }

    private static void WriteDrain(Utf8JsonWriter json, DrainReport report)
    {
        var d = report.Drain;
        json.WriteStartObject();
        json.WriteString("id", d.Id);
        json.WriteString("name", d.Name);
        json.WriteString("cluster", d.Cluster);
        json.WriteString("state", d.State.ToDatabase());
        Text(json, "outcomeReason", d.OutcomeReason);
        Text(json, "requestedBy", d.RequestedBy);
        Time(json, "createdAt", d.CreatedAt);
        Time(json, "startedAt", d.StartedAt);
        Time(json, "finishedAt", d.FinishedAt);
        json.WriteStartArray("nodes");
        foreach (var node in d.Nodes)
        {
            json.WriteStringValue(node.NodeName);
        }

        json.WriteEndArray();
        Number(json, "predictedMakespanSeconds", report.PredictedMakespanSeconds);
        json.WritePropertyName("policy");
        json.WriteRawValue(d.PolicyJson);
        WriteActions(json, report.Actions);
        json.WriteStartArray("windows");
        foreach (var w in report.Windows)
        {
            json.WriteStartObject();
            Time(json, "start", w.Start);
            Time(json, "end", w.End);
            json.WriteNumber("marginSeconds", w.MarginSeconds);
            json.WriteNumber("started", w.Started);
            json.WriteNumber("moved", w.Moved);
            json.WriteNumber("heldBack", w.HeldBack);
            json.WriteBoolean("suspended", w.Suspended);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("interop");
        foreach (var refusal in report.Interop ?? [])
        {
            json.WriteStringValue(refusal);
        }

        json.WriteEndArray();
        WriteMoveBackLinks(json, report);
        json.WriteEndObject();
    }

    // Optional, additive: present only for a move-back (returns) and for a drain that has one (movedBackBy).
    private static void WriteMoveBackLinks(Utf8JsonWriter json, DrainReport report)
    {
        if (report.Returns is { } returns)
        {
            json.WritePropertyName("returns");
            WriteLink(json, returns);
        }

        if (report.MovedBackBy.Count > 0)
        {
            json.WriteStartArray("movedBackBy");
            foreach (var link in report.MovedBackBy)
            {
                WriteLink(json, link);
            }

            json.WriteEndArray();
        }
    }

    private static void WriteLink(Utf8JsonWriter json, MoveBackLink link)
    {
        json.WriteStartObject();
        json.WriteString("id", link.Id);
        json.WriteString("name", link.Name);
        json.WriteString("state", link.State);
        json.WriteEndObject();
    }

    private static void WriteActions(Utf8JsonWriter json, IReadOnlyList<ReportAction> actions)
    {
        json.WriteStartArray("actions");
        foreach (var action in actions)
        {
            json.WriteStartObject();
            Time(json, "at", action.At);
            json.WriteString("action", action.Action);
            json.WriteString("actor", action.Actor);
            Text(json, "detail", action.Detail);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteWaves(Utf8JsonWriter json, IReadOnlyList<DrainReport> drains)
    {
        json.WriteStartArray("waves");
        foreach (var report in drains)
        {
            foreach (var w in report.Waves)
            {
                json.WriteStartObject();
                json.WriteString("drainId", report.Drain.Id);
                json.WriteNumber("waveNumber", w.WaveNumber);
                json.WriteString("mode", w.Mode);
                json.WriteNumber("plannedSize", w.PlannedSize);
                json.WriteNumber("clusterLimit", w.ClusterLimit);
                Time(json, "plannedAt", w.PlannedAt);
                Time(json, "startedAt", w.StartedAt);
                Time(json, "finishedAt", w.FinishedAt);
                json.WriteEndObject();
            }
        }

        json.WriteEndArray();
    }

    private static void WriteUnmoved(Utf8JsonWriter json, IReadOnlyList<DrainReport> drains)
    {
        json.WriteStartArray("notMoved");
        foreach (var report in drains)
        {
            foreach (var u in report.NotMoved)
            {
                json.WriteStartObject();
                json.WriteString("drainId", report.Drain.Id);
                json.WriteString("vmi", u.Vmi);
                json.WriteString("node", u.Node);
                json.WriteString("disposition", u.Disposition);
                json.WriteString("reason", u.Reason);
                json.WriteEndObject();
            }
        }

        json.WriteEndArray();
    }

    private static void WriteTotals(Utf8JsonWriter json, ReportTotals totals)
    {
        json.WriteStartObject("totals");
        foreach (var (name, rows) in new[] { ("byNode", totals.ByNode), ("byNamespace", totals.ByNamespace), ("byOutcome", totals.ByOutcome) })
        {
            json.WriteStartArray(name);
            foreach (var t in rows)
            {
                json.WriteStartObject();
                json.WriteString("key", t.Key);
                json.WriteNumber("attempts", t.Attempts);
                json.WriteNumber("succeeded", t.Succeeded);
                json.WriteNumber("failed", t.Failed);
                json.WriteNumber("postCopy", t.PostCopy);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    private static void Text(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    private static void Time(Utf8JsonWriter json, string name, DateTimeOffset? value)
    {
        if (value is { } at)
        {
            json.WriteString(name, at.ToUniversalTime());
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void Number(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, Math.Round(number, 3));
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void Number(Utf8JsonWriter json, string name, long? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
