using System.Text.Json.Nodes;

namespace DrainOrchestrator.Simulator.Api.Tables;

/// <summary>How one resource type prints: its columns and, for one object at a time, the cells in column order.</summary>
/// <param name="Columns">The column definitions, the name column first.</param>
/// <param name="Cells">An object's cells (<c>null</c> for a value it lacks) given the object and the server's now.</param>
internal sealed record TablePrinter(IReadOnlyList<TableColumn> Columns, Func<JsonObject, DateTimeOffset, JsonNode?[]> Cells);
