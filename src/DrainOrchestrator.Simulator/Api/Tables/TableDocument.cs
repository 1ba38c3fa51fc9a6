using System.Globalization;
using System.Text.Json.Nodes;
using DrainOrchestrator.Simulator.Api.Store;

namespace DrainOrchestrator.Simulator.Api.Tables;

/// <summary>
/// A <c>meta.k8s.io</c> Table of stored objects: the printer's column definitions, one row per object with its cells
/// and (per <see cref="IncludeObject"/>) its metadata or the whole object, and the list's resourceVersion and continue
/// token so <c>kubectl get</c> pages through it as through a list. A watch sends one per event, the column definitions
/// only in the first (as kube-apiserver does; kubectl keeps them).
/// </summary>
internal static class TableDocument
{
    public static JsonObject Of(TableRequest request, TablePrinter printer, IEnumerable<StoredObject> objects,
        DateTimeOffset now, long? resourceVersion = null, string? continueToken = null, long? remainingItemCount = null, bool withColumns = true)
    {
        var metadata = new JsonObject();
        if (resourceVersion is { } version)
        {
            metadata["resourceVersion"] = version.ToString(CultureInfo.InvariantCulture);
        }

        if (continueToken is not null)
        {
            metadata["continue"] = continueToken;
            metadata["remainingItemCount"] = remainingItemCount ?? 0;
        }

        return new JsonObject
        {
            ["kind"] = "Table",
            ["apiVersion"] = request.ApiVersion,
            ["metadata"] = metadata,
            ["columnDefinitions"] = withColumns ? new JsonArray([.. printer.Columns.Select(c => (JsonNode)c.ToJson())]) : null,
            ["rows"] = new JsonArray([.. objects.Select(o => (JsonNode)Row(request, printer, o.ToJsonObject(), now))]),
        };
    }

    private static JsonObject Row(TableRequest request, TablePrinter printer, JsonObject obj, DateTimeOffset now)
    {
        var row = new JsonObject { ["cells"] = new JsonArray(printer.Cells(obj, now)) };
        switch (request.Include)
        {
            case IncludeObject.Object:
                row["object"] = obj;
                break;
            case IncludeObject.Metadata:
                row["object"] = new JsonObject
                {
                    ["kind"] = "PartialObjectMetadata",
                    ["apiVersion"] = request.ApiVersion,
                    ["metadata"] = obj["metadata"]?.DeepClone(),
                };
                break;
        }

        return row;
    }
}
