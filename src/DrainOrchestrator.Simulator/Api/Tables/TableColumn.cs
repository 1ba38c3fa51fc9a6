using System.Text.Json.Nodes;

namespace DrainOrchestrator.Simulator.Api.Tables;

/// <summary>One <c>meta.k8s.io/v1</c> TableColumnDefinition: what kubectl prints as a header.</summary>
/// <param name="Name">The header, e.g. <c>NodeName</c> (kubectl upper-cases it).</param>
/// <param name="Type">The OpenAPI type of the cells: <c>string</c>, <c>integer</c>, <c>date</c>, ...</param>
/// <param name="Description">What the column shows.</param>
/// <param name="Format">An OpenAPI format; <c>name</c> marks the object's name column.</param>
/// <param name="Priority">0 is always printed; higher only with <c>-o wide</c>.</param>
internal sealed record TableColumn(string Name, string Type, string Description, string Format = "", int Priority = 0)
{
    /// <summary>The name column every table starts with.</summary>
    public static TableColumn ObjectName { get; } =
        new("Name", "string", "The object's name, unique within its namespace (or the cluster for cluster-scoped objects).", "name");

    public JsonObject ToJson() => new()
    {
        ["name"] = Name,
        ["type"] = Type,
        ["format"] = Format,
        ["description"] = Description,
        ["priority"] = Priority,
    };
}
